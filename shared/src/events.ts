import type { Ack, CommandEnvelope } from './commands';
import type { Role } from './roles';
import type { ErrorBody } from './schemas';

/** One connected participant as everyone sees them. */
export interface PresenceEntry {
  /** `chair`, `observer` or `delegate:<id>`: a delegation with two tabs counts once */
  key: string;
  role: Role;
  delegation?: string;
  name: string;
  /** open tabs/connections behind this entry */
  connections: number;
}

/** Who the server says you are, sent once after connecting. */
export interface Welcome {
  sid: string;
  role: Role;
  delegation?: string;
  name: string;
  color: string;
  serverTime: number;
}

export interface ServerToClientEvents {
  welcome: (w: Welcome) => void;
  presence: (entries: PresenceEntry[]) => void;
  /** the invite of this connection expired or was revoked: the server closes it right after (R8, R9) */
  refused: (error: ErrorBody) => void;
}

export interface ClientToServerEvents {
  cmd: (cmd: CommandEnvelope, ack: (a: Ack) => void) => void;
  /** clock sync: the server answers with its time in ms */
  clock: (ack: (serverTime: number) => void) => void;
}
