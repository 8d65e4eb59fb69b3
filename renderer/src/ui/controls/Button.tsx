import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from 'react';
import './controls.css';

export type ButtonVariant = 'primary' | 'secondary' | 'quiet' | 'danger';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: 'sm' | 'md';
  /** A lucide icon shown before the label. */
  icon?: ReactNode;
}

/** The app's button: primary (one per view or dialog), secondary (default), quiet (toolbars), danger. */
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = 'secondary', size = 'md', icon, className, children, type = 'button', ...rest },
  ref,
) {
  return (
    <button ref={ref} type={type} className={`ui-button ui-button-${variant} ui-button-${size}${className ? ` ${className}` : ''}`} {...rest}>
      {icon && (
        <span className="ui-button-icon" aria-hidden="true">
          {icon}
        </span>
      )}
      {children}
    </button>
  );
});
