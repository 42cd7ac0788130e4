import type { Profile } from './profile';

const ZONES = '{{zone|Chicago time|UTC|Amsterdam time|Singapore time|Beijing time|Sydney time}}';

/** The structure of the RCAs published on the Ex Libris status pages, which the seed documents follow. */
export const exlibrisProfile: Profile = {
  name: 'exlibris',
  description: 'Ex Libris cloud RCA: title "<instances> - RCA - <Month D, YYYY>" and five fixed sections.',
  title: {
    form: '<instances> - RCA - <Month D, YYYY>',
    skeleton: '{{instances}} - RCA - {{date}}',
    requiresDate: true,
    marker: 'RCA',
  },
  preambleLines: [/^confidential information,? disclaimer and trade ?marks\.?$/i],
  sections: [
    {
      id: 'introduction',
      role: 'introduction',
      name: 'Introduction',
      aliases: ['Overview', 'Summary', 'Intro'],
      required: true,
      mayBeImplicit: true,
      skeleton:
        'This report is the Root Cause Analysis of the {{product}} service interruption that customers experienced on {{date}}.\n\n' +
        'It describes the event, its root cause, the actions taken to resolve it and the measures that will prevent it from happening again.',
    },
    {
      id: 'affected-products',
      role: 'impact',
      name: 'Affected Products',
      aliases: ['Effected Products', 'Affected Product', 'Products Affected', 'Affected Services'],
      required: false,
      skeleton: '- {{product}}',
    },
    {
      id: 'event-timeline',
      role: 'timeline',
      name: 'Event Timeline',
      aliases: ['Timeline', 'Event Time Line', 'Timeline of Events', 'Incident Timeline', 'Events Timeline'],
      required: true,
      skeleton:
        'Customers served by the {{instances}} {{instanceNoun|instances|instance}} experienced a service interruption during the following hours, ' +
        ZONES +
        ':\n\n{{date}}, from {{start}} until {{end}}.',
    },
    {
      id: 'root-cause-analysis',
      role: 'root-cause',
      name: 'Root Cause Analysis',
      aliases: ['Root Cause', 'Root Causes', 'Cause', 'Root-Cause Analysis', 'RCA'],
      required: true,
      skeleton: 'Our engineers investigated the event and found the following:\n\n{{cause}}',
    },
    {
      id: 'technical-action-items',
      role: 'actions',
      name: 'Technical Action Items and Preventive Measures',
      aliases: [
        'Technical Action Items and Preventative Measures',
        'Technical Action Items',
        'Action Items',
        'Preventive Measures',
        'Preventative Measures',
        'Action Items and Preventive Measures',
        'Corrective Actions',
      ],
      required: true,
      prefix: 'rca-action-items',
      skeleton: 'The following actions and preventive measures were taken so that this does not happen again:\n\n- {{action}}',
    },
    {
      id: 'customer-communication',
      role: 'communication',
      name: 'Customer Communication',
      aliases: ['Customer Communications', 'Communication', 'Communications'],
      required: true,
      needsStatusLink: true,
      skeleton:
        'Updates on service interruptions are posted while they happen on the system status portal at this address: {{url}}\n\n' +
        'Registered customers receive these updates by email.',
    },
    {
      id: 'publication-history',
      role: 'publication-history',
      name: 'Publication History',
      aliases: ['Revision History', 'Document History', 'Change History', 'Publication Log'],
      required: false,
      skeleton: '- {{date}}: first publication.',
    },
  ],
};
