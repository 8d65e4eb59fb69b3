import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { AppFrame } from '../features/shell/AppFrame';
import { TooltipProvider } from '../ui/controls/Tooltip';
import { ToastProvider } from '../ui/toast/Toaster';
import { CommandPalette } from '../ui/commands/CommandPalette';
import { AppEvents } from './AppEvents';

/** Providers around the frame: data, tooltips, toasts, and the command palette (Ctrl/⌘+K). */
export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <AppEvents />
      <TooltipProvider>
        <ToastProvider>
          <AppFrame />
          <CommandPalette />
        </ToastProvider>
      </TooltipProvider>
    </QueryClientProvider>
  );
}
