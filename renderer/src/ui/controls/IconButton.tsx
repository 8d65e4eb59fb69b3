import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { Tooltip } from './Tooltip';
import { formatShortcut } from './shortcut';
import './controls.css';

export interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'aria-label'> {
  /** The accessible name (what a screen reader and the tests call it). */
  label: string;
  /** Tooltip text when it should say more than the name; defaults to the name. */
  tooltip?: ReactNode;
  shortcut?: string;
  variant?: 'quiet' | 'secondary' | 'danger';
  size?: 'sm' | 'md';
  children: ReactNode;
}

/** A square button with only an icon: named by `label`, explained by a tooltip (with its shortcut). */
export const IconButton = forwardRef<HTMLButtonElement, IconButtonProps>(function IconButton(
  { label, tooltip, shortcut, variant = 'quiet', size = 'md', className, children, type = 'button', ...rest },
  ref,
) {
  const tip = (
    <>
      {tooltip ?? label}
      {shortcut && <kbd className="ui-kbd">{formatShortcut(shortcut)}</kbd>}
    </>
  );
  return (
    <Tooltip content={tip}>
      <button
        ref={ref}
        type={type}
        aria-label={label}
        aria-keyshortcuts={shortcut ? shortcut.replace('Mod', 'Control') : undefined}
        className={`ui-icon-button ui-button-${variant} ui-icon-button-${size}${className ? ` ${className}` : ''}`}
        {...rest}
      >
        <span aria-hidden="true" className="ui-icon-button-glyph">
          {children}
        </span>
      </button>
    </Tooltip>
  );
});
