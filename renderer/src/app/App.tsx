import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { AppFrame } from '../features/shell/AppFrame';
import { TooltipProvider } from '../ui/controls/Tooltip';
import { CommandPalette } from '../ui/commands/CommandPalette';
import { AppEvents } from './AppEvents';
import { PartBoundary } from '../ui/PartBoundary';

/** Providers around the frame: data and tooltips; the command palette (Ctrl/⌘+K). Toasts live in the frame (ToastViewport). */
export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <AppEvents />
      <TooltipProvider>
        {/* The last line of defence: each part has its own boundary, so this one shows only when the frame itself fails. */}
        <PartBoundary part="MediaDesk">
          <AppFrame />
          <CommandPalette />
        </PartBoundary>
      </TooltipProvider>
    </QueryClientProvider>
  );
}
