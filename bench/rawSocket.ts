/**
 * A minimal WebSocket client on a plain TCP socket (RFC 6455, client side, binary frames, no
 * extensions), for the light observers: parsing server frames in place costs a fraction of what
 * the `ws` client's stream machinery does per message, so one generator process can hold
 * thousands of receivers while the server does the full fan-out. Speaks just enough of the
 * protocol: the upgrade (checking Sec-WebSocket-Accept), masked client frames, unmasked server
 * frames of any length, ping → pong, close. Emits like `ws`: 'open', 'message' (Buffer),
 * 'error' (Error, "Unexpected server response: <status>" for a refused upgrade), 'close' (code, reason).
 */
import { createHash, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { connect, type Socket } from 'node:net';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const CONNECTING = 0;
const OPEN = 1;
const CLOSED = 3;

export class RawWebSocket extends EventEmitter {
  static readonly OPEN = OPEN;
  readyState = CONNECTING;
  private readonly socket: Socket;
  private pending: Buffer | null = null;
  private upgraded = false;
  private readonly key = randomBytes(16).toString('base64');
  private closeInfo: { code: number; reason: string } | null = null;

  constructor(url: string) {
    super();
    const u = new URL(url);
    this.socket = connect({ host: u.hostname, port: Number(u.port || 80), noDelay: true });
    this.socket.on('connect', () => {
      this.socket.write(
        `GET ${u.pathname}${u.search} HTTP/1.1\r\nHost: ${u.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${this.key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
    });
    this.socket.on('data', (chunk: Buffer) => this.onData(chunk));
    this.socket.on('error', (err) => this.fail(err));
    this.socket.on('close', () => {
      const wasOpen = this.readyState === OPEN;
      this.readyState = CLOSED;
      if (!this.upgraded && !wasOpen) {
        this.emit('error', new Error('connection closed before the upgrade'));
        return;
      }
      const info = this.closeInfo ?? { code: 1006, reason: '' };
      this.emit('close', info.code, Buffer.from(info.reason));
    });
  }

  send(data: Uint8Array): void {
    if (this.readyState !== OPEN) return;
    this.socket.write(frame(0x2, data));
  }

  terminate(): void {
    this.readyState = CLOSED;
    this.socket.destroy();
  }

  private fail(err: Error): void {
    if (this.readyState === CLOSED) return;
    this.readyState = CLOSED;
    this.socket.destroy();
    this.emit('error', err);
  }

  private onData(chunk: Buffer): void {
    let buf = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = null;
    if (!this.upgraded) {
      const end = buf.indexOf('\r\n\r\n');
      if (end === -1) {
        if (buf.length > 16_384) return this.fail(new Error('oversized upgrade response'));
        this.pending = buf;
        return;
      }
      const head = buf.toString('latin1', 0, end);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      if (status !== 101) return this.fail(new Error(`Unexpected server response: ${status}`));
      const accept = /\r\nsec-websocket-accept:\s*(\S+)/i.exec(head)?.[1];
      const expected = createHash('sha1').update(this.key + GUID).digest('base64');
      if (accept !== expected) return this.fail(new Error('invalid Sec-WebSocket-Accept'));
      this.upgraded = true;
      this.readyState = OPEN;
      this.emit('open');
      buf = buf.subarray(end + 4);
    }
    let pos = 0;
    while (this.readyState === OPEN) {
      if (buf.length - pos < 2) break;
      const b0 = buf[pos]!;
      const b1 = buf[pos + 1]!;
      let len = b1 & 0x7f;
      let header = 2;
      if (len === 126) {
        if (buf.length - pos < 4) break;
        len = buf.readUInt16BE(pos + 2);
        header = 4;
      } else if (len === 127) {
        if (buf.length - pos < 10) break;
        len = Number(buf.readBigUInt64BE(pos + 2));
        header = 10;
      }
      if (b1 & 0x80) return this.fail(new Error('masked frame from the server'));
      if (buf.length - pos < header + len) break;
      const payload = buf.subarray(pos + header, pos + header + len);
      pos += header + len;
      const opcode = b0 & 0x0f;
      if (opcode === 0x2 || opcode === 0x0) this.emit('message', payload);
      else if (opcode === 0x9) this.socket.write(frame(0xa, payload));
      else if (opcode === 0x8) {
        this.closeInfo = { code: payload.length >= 2 ? payload.readUInt16BE(0) : 1005, reason: payload.toString('utf8', 2) };
        this.socket.write(frame(0x8, payload.subarray(0, 2)));
        this.socket.end();
        return;
      } else if (opcode === 0x1) return this.fail(new Error('text frame from the server'));
    }
    if (pos < buf.length) this.pending = buf.subarray(pos);
  }
}

/** A masked client frame. */
function frame(opcode: number, payload: Uint8Array): Buffer {
  const len = payload.length;
  const header = len < 126 ? 2 : len < 65_536 ? 4 : 10;
  const out = Buffer.allocUnsafe(header + 4 + len);
  out[0] = 0x80 | opcode;
  if (len < 126) out[1] = 0x80 | len;
  else if (len < 65_536) {
    out[1] = 0x80 | 126;
    out.writeUInt16BE(len, 2);
  } else {
    out[1] = 0x80 | 127;
    out.writeBigUInt64BE(BigInt(len), 2);
  }
  const mask = randomBytes(4);
  mask.copy(out, header);
  const body = header + 4;
  for (let i = 0; i < len; i++) out[body + i] = payload[i]! ^ mask[i & 3]!;
  return out;
}
