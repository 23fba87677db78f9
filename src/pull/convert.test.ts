import { describe, expect, it } from 'vitest';
import { aRemote } from '../../test/helpers/builders.js';
import { convertRemote, directoryNames, segmentNames, type References } from './convert.js';

const BILLING = '3c9a7f52-1d4e-4b8a-9f3e-2a6b5c7d8e01';
const ORDERS = '3c9a7f52-1d4e-4b8a-9f3e-2a6b5c7d8e02';
const REFS: References = {
  segments: segmentNames([
    { id: 'seg-vip', name: 'VIP customers' },
    { id: 'seg-a', name: 'Twins' },
    { id: 'seg-b', name: 'Twins' },
    { id: 'seg-pad', name: ' Padded ' },
  ]),
  directories: directoryNames({ Billing: BILLING }, [
    { id: BILLING, name: 'Billing (server name)' },
    { id: ORDERS, name: 'Orders' },
  ]),
};

describe('convertRemote', () => {
  it('writes what the dashboard shows: a draft with its draft text', () => {
    const remote = aRemote({
      title: 'Old',
      content: 'Old text.',
      is_draft: true,
      draft_title: 'New',
      draft_content: 'New text.',
    });
    const { training, diagnostics } = convertRemote(remote, REFS);
    expect(training).toMatchObject({ title: 'New', content: 'New text.', draft: true });
    expect(diagnostics).toEqual([]);
  });

  it('writes the pending edit of a published training, and says apply will publish it', () => {
    const remote = aRemote({ title: 'Live', content: 'Live text.', draft_content: 'Edited.' });
    const { training, diagnostics } = convertRemote(remote, REFS);
    expect(training).toMatchObject({ title: 'Live', content: 'Edited.', draft: false });
    expect(diagnostics.map((d) => d.code)).toEqual(['pending-edit-pulled']);
  });

  it('names segments only where the name leads back to the same segment', () => {
    const remote = aRemote({ restricted_to_segments: ['seg-vip', 'seg-a', 'seg-pad', 'seg-vip'] });
    expect(convertRemote(remote, REFS).training?.segments).toEqual([
      'VIP customers',
      'seg-a',
      'seg-pad',
    ]);
  });

  it("names directories from opencx.yml first, then from the server's list, else by id", () => {
    const dir = (id: string) =>
      convertRemote(aRemote({ directory_id: id }), REFS).training?.directory;
    expect(dir(BILLING)).toBe('Billing');
    expect(dir(ORDERS)).toBe('Orders');
    expect(dir('3c9a7f52-0000-4b8a-9f3e-2a6b5c7d8e99')).toBe(
      '3c9a7f52-0000-4b8a-9f3e-2a6b5c7d8e99',
    );
    expect(REFS.directories.get(ORDERS)).toEqual({ name: 'Orders', mapped: false });
  });

  it('leaves out ownership keys, and metadata a file cannot hold, saying why', () => {
    const remote = aRemote({
      key: 'billing/refund',
      metadata: {
        'opencx-trainings.managed': 'true',
        'opencx-trainings.namespace': 'test',
        'opencx-trainings.key': 'billing/refund',
        owner: 'payments',
        priority: 2,
        nested: { a: 1 },
        list: [1],
        nothing: null,
      },
    });
    const { training, diagnostics } = convertRemote(remote, REFS);
    expect(training?.metadata).toEqual({ owner: 'payments', priority: 2 });
    expect(diagnostics.map((d) => [d.code, d.message.split(':')[0]])).toEqual([
      ['metadata-skipped', 'Metadata "list" was left out of the file'],
      ['metadata-skipped', 'Metadata "nested" was left out of the file'],
      ['metadata-skipped', 'Metadata "nothing" was left out of the file'],
    ]);
  });

  it('refuses what a file cannot hold: no title, no content, unknown channels and segments', () => {
    const codes = (overrides: Parameters<typeof aRemote>[0]) =>
      convertRemote(aRemote(overrides), REFS).diagnostics.map((d) => d.code);
    expect(codes({ title: '  ' })).toEqual(['remote-empty-title']);
    expect(codes({ content: '\r\n \n' })).toEqual(['remote-empty-content']);
    expect(codes({ restricted_to_channels: ['web', 'telepathy'] })).toEqual([
      'remote-unknown-channel',
    ]);
    expect(codes({ restricted_to_segments: ['seg-gone'] })).toEqual(['remote-unknown-segment']);
  });
});
