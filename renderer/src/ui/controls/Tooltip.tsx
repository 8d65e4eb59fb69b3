import * as RadixTooltip from '@radix-ui/react-tooltip';
import type { ReactElement, ReactNode } from 'react';
import './controls.css';

/** One provider for the app: a short delay, and moving between toolbar buttons shows the next tip at once. */
export function TooltipProvider({ children }: { children: ReactNode }) {
  return (
    <RadixTooltip.Provider delayDuration={450} skipDelayDuration={250}>
      {children}
    </RadixTooltip.Provider>
  );
}

interface TooltipProps {
  content: ReactNode;
  children: ReactElement;
  side?: 'top' | 'bottom' | 'left' | 'right';
}

/**
 * A hover/focus hint. It never carries the only name of a control: icon buttons have an aria-label
 * and the tooltip repeats it (with the shortcut) for sighted mouse users.
 */
export function Tooltip({ content, children, side = 'bottom' }: TooltipProps) {
  // Its own provider, so a control works wherever it is rendered (component tests render pieces alone).
  return (
    <RadixTooltip.Provider delayDuration={450} skipDelayDuration={250}>
      <RadixTooltip.Root>
        <RadixTooltip.Trigger asChild>{children}</RadixTooltip.Trigger>
        <RadixTooltip.Portal>
          <RadixTooltip.Content className="ui-tooltip" side={side} sideOffset={6} collisionPadding={8}>
            {content}
          </RadixTooltip.Content>
        </RadixTooltip.Portal>
      </RadixTooltip.Root>
    </RadixTooltip.Provider>
  );
}
