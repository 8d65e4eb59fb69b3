import type { HTMLAttributes, ReactNode } from 'react';
import './controls.css';

/** A small label on a tile or a tab (private, video, "v3", a count). */
export function Badge({ tone = 'neutral', icon, children, className, ...rest }: HTMLAttributes<HTMLSpanElement> & { tone?: 'neutral' | 'accent' | 'warn'; icon?: ReactNode }) {
  return (
    <span className={`ui-badge${tone === 'neutral' ? '' : ` ui-badge-${tone}`}${className ? ` ${className}` : ''}`} {...rest}>
      {icon}
      {children}
    </span>
  );
}

/** A tag shown as a chip. */
export function Chip({ children }: { children: ReactNode }) {
  return <span className="ui-chip">{children}</span>;
}
