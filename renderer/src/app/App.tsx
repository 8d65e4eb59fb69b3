import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { AppFrame } from '../features/shell/AppFrame';
import { TooltipProvider } from '../ui/controls/Tooltip';
import { CommandPalette } from '../ui/commands/CommandPalette';
import { AppEvents } from './AppEvents';

/** Providers around the frame: data and tooltips; the command palette (Ctrl/⌘+K). Toasts live in the frame (ToastViewport). */
export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <AppEvents />
      <TooltipProvider>
        <AppFrame />
        <CommandPalette />
      </TooltipProvider>
    </QueryClientProvider>
  );
}
