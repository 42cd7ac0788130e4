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
    // Published reports are read in every form below; a report being written is asked to fix the corrected ones.
    // test/unit/title-forms.test.ts checks each row: an accepted example gets no finding, a corrected one gets a
    // finding whose fix writes exactly `fixed`, which is then accepted.
    forms: [
      { form: 'the standard form', verdict: 'accepted', example: 'NA01, NA02, NA03, NA91 - RCA - April 11, 2026' },
      { form: 'a product before the instances', verdict: 'accepted', example: 'Alma NA instances - RCA - October 5, 2016' },
      { form: 'a product before an instance code', verdict: 'accepted', example: 'Primo MT NA04 - RCA - May 6, 2024' },
      { form: 'a product alone', verdict: 'accepted', example: 'Esploro - RCA - March 3, 2024' },
      { form: 'a region or data centre in place of instance codes', verdict: 'accepted', example: 'APAC Data Center - RCA - August 19, 2024' },
      { form: 'an en dash for the dash', slip: 'long-dash', verdict: 'accepted', example: 'EU02 \u2013 RCA \u2013 June 3, 2025' },
      {
        form: 'no space before or after the dash',
        slip: 'dash-spacing',
        verdict: 'corrected',
        example: 'AP03- RCA - June 3, 2025',
        fixed: 'AP03 - RCA - June 3, 2025',
      },
      {
        form: 'no space before or after the dash',
        slip: 'dash-spacing',
        verdict: 'corrected',
        example: 'Europe Data Center- RCA -June 3, 2025',
        fixed: 'Europe Data Center - RCA - June 3, 2025',
      },
      {
        form: '"RCA" without its dashes',
        slip: 'marker-dashes',
        verdict: 'corrected',
        example: 'Leganto NA06 RCA - May 3, 2025',
        fixed: 'Leganto NA06 - RCA - May 3, 2025',
      },
      { form: '"RCA" without its dashes', slip: 'marker-dashes', verdict: 'corrected', example: 'NA06 - RCA: May 3, 2025', fixed: 'NA06 - RCA - May 3, 2025' },
      {
        form: '"RCA" spelled otherwise',
        slip: 'marker-spelling',
        verdict: 'corrected',
        example: 'NA02 - Root Cause Analysis - May 3, 2025',
        fixed: 'NA02 - RCA - May 3, 2025',
      },
      {
        form: 'a space before the comma or none after it',
        slip: 'comma-spacing',
        verdict: 'corrected',
        example: 'Alma EU00 - RCA - June 3 ,2025',
        fixed: 'Alma EU00 - RCA - June 3, 2025',
      },
      {
        form: 'a space before the comma or none after it',
        slip: 'comma-spacing',
        verdict: 'corrected',
        example: 'EU00 - RCA - June 3,2025',
        fixed: 'EU00 - RCA - June 3, 2025',
      },
      {
        form: 'no comma before the year',
        slip: 'year-comma',
        verdict: 'corrected',
        example: 'NA05 - RCA - February 18 2025',
        fixed: 'NA05 - RCA - February 18, 2025',
      },
      {
        form: 'the month not written out',
        slip: 'month-name',
        verdict: 'corrected',
        example: 'NA04 - RCA - Aug 19, 2024',
        fixed: 'NA04 - RCA - August 19, 2024',
      },
      {
        form: 'the month not written out',
        slip: 'month-name',
        verdict: 'corrected',
        example: 'NA04 - RCA - Sept. 3, 2024',
        fixed: 'NA04 - RCA - September 3, 2024',
      },
      { form: 'an ordinal day', slip: 'day-ordinal', verdict: 'corrected', example: 'CA01 - RCA - April 1st, 2020', fixed: 'CA01 - RCA - April 1, 2020' },
      {
        form: 'a zero-padded day',
        slip: 'day-padded',
        verdict: 'corrected',
        example: 'CA01 - RCA - September 05, 2024',
        fixed: 'CA01 - RCA - September 5, 2024',
      },
      {
        form: 'the day before the month',
        slip: 'day-first',
        verdict: 'corrected',
        example: 'AP01 - RCA - 17 March 2026',
        fixed: 'AP01 - RCA - March 17, 2026',
      },
      {
        form: 'no day',
        slip: 'missing-day',
        verdict: 'corrected',
        example: 'NA03 - RCA - August 2019',
        timeline: 'August 14, 2019',
        fixed: 'NA03 - RCA - August 14, 2019',
      },
      { form: 'no day', slip: 'missing-day', verdict: 'corrected', example: 'NA03 - RCA - August 2019' },
      {
        form: 'no year',
        slip: 'missing-year',
        verdict: 'corrected',
        example: 'EU01 - RCA - March 17',
        timeline: 'March 17, 2026',
        fixed: 'EU01 - RCA - March 17, 2026',
      },
      { form: 'several days', slip: 'several-days', verdict: 'corrected', example: 'NA02 - RCA - May 2,3,4 - 2021', fixed: 'NA02 - RCA - May 2, 2021' },
      { form: 'several days', slip: 'several-days', verdict: 'corrected', example: 'NA02 - RCA - June 30 ; July 2, 2023', fixed: 'NA02 - RCA - June 30, 2023' },
      {
        form: 'several days',
        slip: 'several-days',
        verdict: 'corrected',
        example: 'NA02 - RCA - December 31 - January 1, 2024',
        fixed: 'NA02 - RCA - December 31, 2023',
      },
      { form: 'a numeric date', slip: 'numeric-date', verdict: 'corrected', example: 'NA01 - RCA - 2026-04-11', fixed: 'NA01 - RCA - April 11, 2026' },
      { form: 'a numeric date', slip: 'numeric-date', verdict: 'corrected', example: 'NA01 - RCA - 04/11/2026' },
      {
        form: 'several slips at once',
        slip: 'dash-spacing',
        verdict: 'corrected',
        example: 'Alma EU00- RCA - May 6 ,2024',
        fixed: 'Alma EU00 - RCA - May 6, 2024',
      },
    ],
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
