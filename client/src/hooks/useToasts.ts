import { createContext, useContext } from 'react';

export type ToastTone = 'error' | 'info';

export interface Toast {
  id: number;
  tone: ToastTone;
  message: string;
}

export interface Toasts {
  show(message: string, tone?: ToastTone): void;
}

export const ToastContext = createContext<Toasts>({ show: () => {} });

/** Short messages at the edge of the screen; errors carry the server's own words. */
export function useToasts(): Toasts {
  return useContext(ToastContext);
}
