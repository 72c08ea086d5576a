import { describe, it, expect } from 'vitest';
import { RECOGNIZERS, recognizePage } from '.';
import { isGmailThread } from './gmail/urls';
import { isZendeskTicket } from './zendesk/urls';
import { isLinkedinProfile } from './linkedin/urls';
import { isFreshdeskTicket } from './freshdesk/urls';
import { isOutlookReadingPane } from './outlook/urls';

const urls = {
  gmail: isGmailThread.urls[0]!,
  outlook: isOutlookReadingPane.urls[0]!,
  linkedin: isLinkedinProfile.urls[0]!,
  zendesk: isZendeskTicket.urls[0]!,
  freshdesk: isFreshdeskTicket.urls[0]!,
};

/** A document whose every query throws, as a page in the middle of tearing itself down might. */
const hostile = new Proxy({} as Document, {
  get() {
    throw new Error('boom');
  },
});

describe('recognizers never throw into the page', () => {
  for (const [site, recognize] of Object.entries(RECOGNIZERS)) {
    it(`${site}: a throwing DOM gives kind none with a reason`, () => {
      const ctx = recognize(urls[site as keyof typeof urls], hostile);
      expect(ctx).toMatchObject({ site, kind: 'none' });
      expect(ctx.reason).toMatch(/recognizer error: boom/);
    });

    it(`${site}: an empty page gives kind none`, () => {
      const ctx = recognize(urls[site as keyof typeof urls], document.implementation.createHTMLDocument(''));
      expect(ctx.kind).toBe('none');
      expect(ctx.reason).toBeTruthy();
    });
  }

  it('an unsupported URL is not recognized at all', () => {
    expect(recognizePage('https://example.com/', document)).toBeNull();
    expect(recognizePage('garbage', document)).toBeNull();
  });
});
