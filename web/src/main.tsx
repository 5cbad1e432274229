import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ApiRequestError } from './api/client';
import { router } from './App';
import { session } from './auth/session';
import './styles.scss';

// GOV.UK Frontend styles some components differently once JavaScript runs (no inline script: CSP).
document.body.classList.add('js-enabled', 'govuk-frontend-supported');
session.takeFromFragment();

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Refused, bad input and sign-in problems are answers, not blips: no silent retries of those.
      retry: (failures, error) => failures < 2 && !(error instanceof ApiRequestError && ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'ISA_DENIED'].includes(error.code ?? '')),
      refetchOnWindowFocus: false,
      staleTime: 15_000,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
