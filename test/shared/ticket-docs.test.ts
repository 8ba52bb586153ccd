// The documentation beside the code names every command and every state (so it cannot silently drift).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandTypes, statuses } from '../../src-shared/ticket';

const readme = readFileSync(new URL('../../src-shared/ticket/README.md', import.meta.url), 'utf8');

describe('src-shared/ticket/README.md', () => {
  it('has a row for every command in the commands table', () => {
    expect(commandTypes.filter((type) => !readme.includes(`| \`${type}\` |`))).toEqual([]);
  });

  it('has every state in the states table and in the Mermaid diagram', () => {
    const diagram = readme.slice(readme.indexOf('```mermaid'), readme.indexOf('```', readme.indexOf('```mermaid') + 3));
    expect(statuses.filter((status) => !readme.includes(`| \`${status}\` |`))).toEqual([]);
    expect(statuses.filter((status) => !diagram.includes(status))).toEqual([]);
  });
});
