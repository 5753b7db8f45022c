import { useMemo } from 'react';
import { can, type Delegation, type Role, type Welcome } from '@plenary/shared/plain';
import type { DelegationInfo } from '../editor/draftingContext';
import { actorColors, delegationIndex, myActor } from '../lib/drafting';
import type { Commands } from './useCommands';
import type { DraftingView } from './useDraftingView';
import type { OutlineEntry } from './useOutline';

/** Everything the communiqué's drafting tools need about the sitting and about me. */
export interface Drafting {
  sid: string;
  token: string;
  role: Role;
  delegation?: string | undefined;
  /** my actor key: `chair`, `delegate:pk`, `observer` */
  me: string;
  delegations: Readonly<Record<string, DelegationInfo>>;
  actorColors: Readonly<Record<string, string>>;
  view: DraftingView;
  outline: readonly OutlineEntry[];
  commands: Commands;
  clockOffset: number;
  canDraft: boolean;
  canPreside: boolean;
  canParticipate: boolean;
}

interface Args {
  sid: string;
  token: string;
  welcome: Welcome | null;
  delegations: readonly Delegation[] | undefined;
  view: DraftingView;
  outline: readonly OutlineEntry[];
  commands: Commands;
  clockOffset: number;
}

const NO_DELEGATIONS: readonly Delegation[] = [];

export function useDrafting({ sid, token, welcome, delegations = NO_DELEGATIONS, view, outline, commands, clockOffset }: Args): Drafting | null {
  const index = useMemo(() => delegationIndex(delegations), [delegations]);
  const colors = useMemo(() => actorColors(delegations), [delegations]);
  const role = welcome?.role;
  const delegation = welcome?.delegation;
  return useMemo(() => {
    if (!role) return null;
    return {
      sid,
      token,
      role,
      delegation,
      me: myActor(role, delegation),
      delegations: index,
      actorColors: colors,
      view,
      outline,
      commands,
      clockOffset,
      canDraft: can(role, 'draft'),
      canPreside: can(role, 'preside'),
      canParticipate: can(role, 'participate'),
    };
  }, [sid, token, role, delegation, index, colors, view, outline, commands, clockOffset]);
}
