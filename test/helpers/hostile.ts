import type * as Y from 'yjs';
import type { Ack, CreateSessionBody, CreateSessionResponse } from '@plenary/shared';
import { cmd, createSitting, delegateToken, ioClient, SMALL_SITTING, yClient, type TestServer } from './plenary';

/**
 * Text a participant could type that runs script, loads something or makes a link if any renderer
 * treats it as markup. Each payload sets `window.__pwned` when it runs.
 */
export const HOSTILE = {
  img: `<img src=x onerror="window.__pwned='img'">`,
  svg: `<svg onload="window.__pwned='svg'"></svg>`,
  script: `"><script>window.__pwned='script'</script>`,
  iframe: `<iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe>`,
  mdLink: `[click](javascript:window.__pwned='md')`,
  mdDefinition: `[ref]: javascript:window.__pwned='ref'`,
  formula: `=HYPERLINK("http://evil.example","x")`,
} as const;

/** All payloads in one string (for fields that take one). */
export const HOSTILE_ALL = Object.values(HOSTILE).join(' ');

/** A sitting whose every field a participant or the organiser fills holds hostile text. */
export const HOSTILE_SITTING: CreateSessionBody = {
  ...SMALL_SITTING,
  sessionId: 'hostile',
  title: `Sitting ${HOSTILE.img}`,
  venue: HOSTILE.mdLink,
  delegations: [...SMALL_SITTING.delegations, { id: 'xx', name: HOSTILE.img }],
  agenda: [{ title: HOSTILE.script, description: HOSTILE.iframe, durationMin: 10 }],
  communique: { title: `${HOSTILE.svg}\n# injected heading`, preambular: [HOSTILE_ALL], operative: [`${HOSTILE.mdDefinition} then [ref] and ${HOSTILE.mdLink}`] },
};

/**
 * Creates HOSTILE_SITTING and fills the rest through commands, as participants would: an agenda
 * item, a comment, a measure with a comment and a commitment. Returns the links.
 */
export async function hostileSitting(t: TestServer): Promise<CreateSessionResponse> {
  const s = await createSitting(t, HOSTILE_SITTING);
  const chair = await ioClient(t, s.links.chair.token);
  const xx = await ioClient(t, delegateToken(s, 'xx'));
  const doc = await yClient(t, 'hostile/communique', s.links.observer.token);
  try {
    const pid = (doc.doc.getXmlFragment('body').get(1) as Y.XmlElement).getAttribute('id') as string;
    const ok = async (p: Promise<Ack>) => {
      const ack = await p;
      if (!ack.ok) throw new Error(`seeding the hostile sitting failed: ${JSON.stringify(ack)}`);
      return ack;
    };
    await ok(cmd(chair, 'agenda.add', { title: HOSTILE.svg, description: HOSTILE_ALL }));
    await ok(cmd(xx, 'comment.add', { paragraphId: pid, text: HOSTILE_ALL }));
    const cbm = (await ok(cmd(xx, 'cbm.propose', { title: HOSTILE.img, description: HOSTILE_ALL, theme: 'other' }))) as { ok: true; result: { id: string } };
    await ok(cmd(xx, 'cbm.comment', { cbmId: cbm.result.id, text: HOSTILE.script }));
    await ok(cmd(xx, 'commitment.add', { cbmId: cbm.result.id, action: HOSTILE.formula }));
  } finally {
    doc.destroy();
    chair.close();
    xx.close();
  }
  return s;
}
