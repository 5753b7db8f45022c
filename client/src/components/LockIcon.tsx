/** A small padlock drawn in the text colour. */
export function LockIcon({ className }: { className?: string }) {
  return (
    <svg className={className} width="11" height="12" viewBox="0 0 11 12" aria-hidden="true" focusable="false">
      <rect x="0.5" y="5" width="10" height="6.5" rx="1.5" fill="currentColor" />
      <path d="M2.8 5V3.6a2.7 2.7 0 0 1 5.4 0V5" fill="none" stroke="currentColor" strokeWidth="1.4" />
    </svg>
  );
}
