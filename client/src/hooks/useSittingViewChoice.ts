import { useState } from 'react';
import type { Role } from '@plenary/shared';

/** The workspace's views: the three columns, or one of the read-only views beside them. */
export type SittingViewId = 'workspace' | 'progress' | 'activity' | 'attendance';

/**
 * Which view a tab shows. Observers start on the progress view (made to be understood at a glance),
 * the chair and delegates on the workspace; once someone picks a view, their choice stands.
 * Derived in the same render as the role, so an observer never sees the workspace flash first.
 */
export function useSittingViewChoice(role: Role | undefined): [SittingViewId, (v: SittingViewId) => void] {
  const [chosen, setChosen] = useState<SittingViewId | null>(null);
  return [chosen ?? (role === 'observer' ? 'progress' : 'workspace'), setChosen];
}
