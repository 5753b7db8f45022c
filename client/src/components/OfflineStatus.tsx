import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMAND_RULES } from '@plenary/shared/plain';
import type { Connection } from '../lib/connection';
import type { Refusal } from '../lib/outbox';
import { refusalText } from '../lib/refusals';
import { localDigits } from '../i18n/locale';
import './OfflineStatus.css';

/** This component's words: i18n key and English text, in one place. */
const TEXT = {
  editsOne: ['offline.editsOne', '1 change not yet on the server'],
  edits: ['offline.edits', '{{n}} changes not yet on the server'],
  editsTitle: ['offline.editsTitle', 'Kept in this browser; they reach the room when the connection is back'],
  commandsOne: ['offline.commandsOne', '1 request waiting to be sent'],
  commands: ['offline.commands', '{{n}} requests waiting to be sent'],
  commandsTitle: ['offline.commandsTitle', 'Sent in order, each once, when the connection is back'],
  refusedHeading: ['offline.refusedHeading', 'Sent when the connection came back, but refused:'],
  refusedItem: ['offline.refusedItem', 'To {{what}}: {{why}}'],
  dismiss: ['offline.dismiss', 'Dismiss'],
} as const;

/** On a good link a change is confirmed within a moment: the count shows only if it lasts. */
const SHOW_AFTER_MS = 1500;

interface Props {
  connection: Connection;
  pendingEdits: number;
  queuedCommands: number;
  refused: readonly Refusal[];
  onDismiss(): void;
}

function useLasting(on: boolean, ms: number): boolean {
  const [lasting, setLasting] = useState(false);
  useEffect(() => {
    if (!on) return setLasting(false);
    const t = window.setTimeout(() => setLasting(true), ms);
    return () => window.clearTimeout(t);
  }, [on, ms]);
  return on && lasting;
}

/** Beside the connection state: what waits in this browser for the server, and what it refused afterwards. */
export function OfflineStatus({ connection, pendingEdits, queuedCommands, refused, onDismiss }: Props) {
  const { t } = useTranslation();
  const say = ([key, text]: readonly [string, string], values: Record<string, string> = {}) => t(key, { defaultValue: text, ...values });
  const count = (n: number, one: readonly [string, string], many: readonly [string, string]) => (n === 1 ? say(one) : say(many, { n: localDigits(String(n)) }));
  const away = connection !== 'online';
  const showEdits = useLasting(pendingEdits > 0, away ? 0 : SHOW_AFTER_MS);
  const showCommands = useLasting(queuedCommands > 0, away ? 0 : SHOW_AFTER_MS);
  return (
    <>
      {showEdits && (
        <span className="offline-count" data-testid="pending-edits" data-count={pendingEdits} title={say(TEXT.editsTitle)} role="status">
          {count(pendingEdits, TEXT.editsOne, TEXT.edits)}
        </span>
      )}
      {showCommands && (
        <span className="offline-count" data-testid="queued-commands" data-count={queuedCommands} title={say(TEXT.commandsTitle)} role="status">
          {count(queuedCommands, TEXT.commandsOne, TEXT.commands)}
        </span>
      )}
      {refused.length > 0 && (
        <div className="offline-refused" data-testid="refused-commands" role="alert">
          <p className="offline-refused__heading">{say(TEXT.refusedHeading)}</p>
          <ul className="offline-refused__list">
            {refused.map((r) => (
              <li key={r.id}>{say(TEXT.refusedItem, { what: t(`offline.command.${r.type}`, { defaultValue: COMMAND_RULES[r.type]?.verb ?? r.type }), why: refusalText(r) })}</li>
            ))}
          </ul>
          <button type="button" className="offline-refused__dismiss" onClick={onDismiss}>
            {say(TEXT.dismiss)}
          </button>
        </div>
      )}
    </>
  );
}
