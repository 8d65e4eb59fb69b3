import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { AppFrame } from '../features/shell/AppFrame';

/** Providers around the frame; later features plug into AppFrame's slots. */
export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <AppFrame />
    </QueryClientProvider>
  );
}
