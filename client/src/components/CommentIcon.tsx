/** A speech bubble drawn in the text colour (emoji fonts are not everywhere). */
export function CommentIcon({ className }: { className?: string }) {
  return (
    <svg className={className} width="14" height="13" viewBox="0 0 14 13" aria-hidden="true" focusable="false">
      <path
        d="M2.2 0.8h9.6a1.4 1.4 0 0 1 1.4 1.4v5.9a1.4 1.4 0 0 1-1.4 1.4H6.3L3.4 12V9.5H2.2A1.4 1.4 0 0 1 0.8 8.1V2.2A1.4 1.4 0 0 1 2.2 0.8z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.3"
        strokeLinejoin="round"
      />
    </svg>
  );
}
