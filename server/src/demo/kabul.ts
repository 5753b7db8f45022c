import type { CreateSessionBody, DelegationGroup } from '@plenary/shared';

/**
 * The reference sitting: the first meeting of the Kabul Process for Peace and Security
 * Cooperation, Kabul, 6 June 2017, drawn from its concept note (kabul-process-concept-note.txt).
 */
export const DEMO_SESSION_ID = 'kabul-process-2017';

const d = (id: string, name: string, short: string, group: DelegationGroup) => ({ id, name, short, group });

export const KABUL_PROCESS: CreateSessionBody = {
  sessionId: DEMO_SESSION_ID,
  title: 'Kabul Process for Peace and Security Cooperation — First Meeting',
  venue: 'Kabul',
  date: '2017-06-06',
  host: 'af',
  delegations: [
    d('af', 'Afghanistan', 'AF', 'host'),
    // states of the region, at the centre of the gathering
    d('pk', 'Pakistan', 'PK', 'region'),
    d('ir', 'Iran', 'IR', 'region'),
    d('cn', 'China', 'CN', 'region'),
    d('in', 'India', 'IN', 'region'),
    d('ru', 'Russian Federation', 'RU', 'region'),
    d('tj', 'Tajikistan', 'TJ', 'region'),
    d('tm', 'Turkmenistan', 'TM', 'region'),
    d('uz', 'Uzbekistan', 'UZ', 'region'),
    d('kz', 'Kazakhstan', 'KZ', 'region'),
    d('tr', 'Turkey', 'TR', 'region'),
    d('sa', 'Saudi Arabia', 'SA', 'region'),
    d('qa', 'Qatar', 'QA', 'region'),
    d('ae', 'United Arab Emirates', 'AE', 'region'),
    // key members of the international community
    d('us', 'United States', 'US', 'partner'),
    d('gb', 'United Kingdom', 'GB', 'partner'),
    d('de', 'Germany', 'DE', 'partner'),
    d('fr', 'France', 'FR', 'partner'),
    d('it', 'Italy', 'IT', 'partner'),
    d('jp', 'Japan', 'JP', 'partner'),
    d('ca', 'Canada', 'CA', 'partner'),
    d('au', 'Australia', 'AU', 'partner'),
    d('no', 'Norway', 'NO', 'partner'),
    d('dk', 'Denmark', 'DK', 'partner'),
    d('se', 'Sweden', 'SE', 'partner'),
    d('id', 'Indonesia', 'ID', 'partner'),
    d('un', 'United Nations', 'UN', 'organisation'),
    d('eu', 'European Union', 'EU', 'organisation'),
    d('nato', 'NATO', 'NATO', 'organisation'),
    d('sco', 'Shanghai Cooperation Organisation', 'SCO', 'organisation'),
  ],
  agenda: [
    {
      title: 'Opening of the meeting',
      description: 'Welcome by the Government of the Islamic Republic of Afghanistan; adoption of the agenda.',
      durationMin: 15,
    },
    {
      title: 'An Afghan vision for peace',
      description:
        "H.E. President Mohammad Ashraf Ghani outlines Afghanistan's new vision and strategy for peace: peace-making for a political settlement and long-term peace-building.",
      durationMin: 30,
    },
    {
      title: 'Security cooperation and counter-terrorism confidence-building measures',
      description:
        'A common understanding of the terrorist threat; collective action against sanctuaries, financing and the narcotics trade through specific Counter Terrorism Confidence Building Measures.',
      durationMin: 60,
    },
    { title: 'Statements by delegations', description: 'States of the region and international partners.', durationMin: 90 },
    {
      title: 'The way forward: the Kabul Process and the communiqué',
      description: 'Pragmatic goals, commitments to be turned into actions, and adoption of the communiqué.',
      durationMin: 45,
    },
    { title: 'Closing of the meeting', durationMin: 10 },
  ],
  communique: {
    title: 'Kabul Process for Peace and Security Cooperation: Communiqué of the First Meeting, Kabul, 6 June 2017',
    preambular: [
      'Recognizing that a stable Afghanistan is needed to enable a stable region,',
      'Reaffirming support for an Afghan-led and Afghan-owned inclusive peace process, and that a negotiated political settlement is a sustainable means of ending the conflict,',
      'Welcoming the willingness of Afghanistan as a sovereign state to act in a diplomatic context according to international norms and conventions, with the expectation that all other participants will act according to the same international norms,',
      'Recognizing that terrorism is a global phenomenon posing threats to all, undermining peace, security and development in Afghanistan and the wider region,',
      'Concerned that terrorist organizations use sanctuaries to plan and execute attacks throughout Afghanistan, the region and beyond,',
      'Welcoming the Kabul Process as an overarching umbrella, which various other initiatives can feed into and thereby reinforce the overall process,',
      'Convinced that peace in Afghanistan strengthens peace dividends for all nations and people in the region, leading to increased connectivity, trade and prosperity,',
    ],
    operative: [
      'Express support for the vision for peace and security outlined by the Government of Afghanistan;',
      'Call upon all states of the region to ',
      'Decide to develop specific Counter Terrorism Confidence Building Measures, and to ',
      'Agree to meet again in the framework of the Kabul Process ',
    ],
  },
};
