import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import type { FileDetails } from '../../../shared/domain/library';
import { TagsSection } from '../../src/features/tags/TagsSection';
import { renderWithHandlers } from './editing-host';

afterEach(cleanup);

const file: FileDetails = {
  fileId: 'f1', type: 'file', name: 'dog.jpg', filePath: '/dog.jpg', url: 'http://x/dog.jpg', fileType: 'image', size: 10,
  createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z', tags: ['pet'],
  AITags: [
    { name: 'Dog', confidence: 97.3, source: 'google-auto-tagging' },
    { name: 'Grass', confidence: 0.61, source: 'aws-auto-tagging' },
  ],
};
const ok = (fileIds: string[]) => ({ succeeded: fileIds, failed: [] });

describe('TagsSection', () => {
  it('shows AI tags with confidence and source, removes one, promotes one, and acts on all at once', async () => {
    const { user, calls, problems } = renderWithHandlers(<TagsSection file={file} />, {
      'editing.removeAITags': ({ fileIds }) => ok(fileIds),
      'editing.promoteAITags': ({ fileIds }) => ok(fileIds),
      'editing.removeTags': ({ fileIds }) => ok(fileIds),
    });
    const table = screen.getByRole('table', { name: 'AI tags' });
    const rows = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(rows).toEqual([
      ['97%', 'google-auto-tagging', 'Make tagRemove'],
      ['61%', 'aws-auto-tagging', 'Make tagRemove'],
    ]);
    await user.click(screen.getByRole('button', { name: 'Remove AI tag Grass' }));
    await user.click(screen.getByRole('button', { name: 'Make Dog a plain tag' }));
    await user.click(screen.getByRole('button', { name: 'Remove all AI tags' }));
    await user.click(screen.getByRole('button', { name: 'Make all plain tags' }));
    await user.click(screen.getByRole('button', { name: 'Remove tag pet' }));
    await waitFor(() => expect(calls.filter((c) => c.channel.startsWith('editing.'))).toHaveLength(5));
    expect(calls.filter((c) => c.channel.startsWith('editing.'))).toEqual([
      { channel: 'editing.removeAITags', input: { profileId: 'local', fileIds: ['f1'], aiTags: ['Grass'] } },
      { channel: 'editing.promoteAITags', input: { profileId: 'local', fileIds: ['f1'], aiTags: ['Dog'] } },
      { channel: 'editing.removeAITags', input: { profileId: 'local', fileIds: ['f1'], aiTags: ['Dog', 'Grass'] } },
      { channel: 'editing.promoteAITags', input: { profileId: 'local', fileIds: ['f1'], aiTags: ['Dog', 'Grass'] } },
      { channel: 'editing.removeTags', input: { profileId: 'local', fileIds: ['f1'], tags: ['pet'] } },
    ]);
    expect(problems).toEqual([]);
  });

  it('suggests library tags as you type, skipping ones the file has, and adds several comma-separated tags', async () => {
    const { user, calls } = renderWithHandlers(<TagsSection file={file} />, {
      'editing.libraryTags': () => ({ tags: [{ tag: 'pet', count: 9 }, { tag: 'puppy', count: 4 }, { tag: 'park', count: 2 }, { tag: 'cat', count: 1 }], scannedFiles: 20, partial: false }),
      'editing.addTags': ({ fileIds }) => ok(fileIds),
    });
    const input = screen.getByRole('combobox', { name: 'Add tags' });
    await user.type(input, 'p');
    const list = await screen.findByRole('listbox', { name: 'Tag suggestions' });
    await waitFor(() => expect(within(list).getAllByRole('option').map((o) => o.textContent)).toEqual(['puppy (4)', 'park (2)']));
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(input).toHaveProperty('value', 'park, ');
    await user.type(input, 'new one{Enter}');
    await waitFor(() => expect(calls.some((c) => c.channel === 'editing.addTags')).toBe(true));
    expect(calls.find((c) => c.channel === 'editing.addTags')!.input).toEqual({ profileId: 'local', fileIds: ['f1'], tags: ['park', 'new one'] });
  });

  it('keeps the suggestions open when the input loses focus and gets it back at once', async () => {
    const { user } = renderWithHandlers(<TagsSection file={file} />, {
      'editing.libraryTags': () => ({ tags: [{ tag: 'puppy', count: 4 }], scannedFiles: 20, partial: false }),
    });
    const input = screen.getByRole('combobox', { name: 'Add tags' });
    await user.type(input, 'pu');
    await screen.findByRole('option', { name: 'puppy (4)' });
    input.blur();
    input.focus(); // back within the blur's grace period (a click elsewhere, then straight back)
    await new Promise((r) => setTimeout(r, 300));
    expect(screen.getByRole('listbox', { name: 'Tag suggestions' })).toHaveProperty('hidden', false);
    expect(input.getAttribute('aria-expanded')).toBe('true');
  });

  it('shows the failure ImageKit reported for the file', async () => {
    const { user } = renderWithHandlers(<TagsSection file={file} />, {
      'editing.removeTags': () => ({ succeeded: [], failed: [{ item: 'f1', message: 'This file no longer exists.' }] }),
    });
    await user.click(screen.getByRole('button', { name: 'Remove tag pet' }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'This file no longer exists.');
  });
});
