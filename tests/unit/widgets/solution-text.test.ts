// Learners review m5: in presenter mode the solution showed `{{totp:mfa-ana-seed.txt:-30}}` and
// `{{KEY_ID}}` as written. Shown solutions say in words what goes there; `{{accountId}}` is left for
// the widget, which puts the world's account in.
import { describe, expect, test } from 'vitest';
import { placeholdersInWords, stepText } from '../../../src/widgets/Exercise.svelte.ts';

describe('solution text', () => {
  test('authenticator codes say whose and when', () => {
    expect(placeholdersInWords('--token-code {{totp:mfa-ana-seed.txt}}')).toBe('--token-code <the code of mfa-ana-seed.txt, now>');
    expect(placeholdersInWords('{{totp:mfa-ana-seed.txt:-30}} {{totp:mfa-ana-seed.txt:+30}}')).toBe(
      '<the code of mfa-ana-seed.txt, 30 s earlier> <the code of mfa-ana-seed.txt, 30 s later>',
    );
    expect(placeholdersInWords('{{totp:$SEED}}')).toBe('<the code of the device saved as SEED, now>');
  });

  test('saved values say where they come from; the account stays for the widget', () => {
    expect(stepText({ run: 'aws iam delete-access-key --user-name build --access-key-id {{OLD_KEY}}' })).toBe(
      "aws iam delete-access-key --user-name build --access-key-id <OLD_KEY: from an earlier command's output>",
    );
    expect(stepText('aws iam get-role --role-name arn:aws:iam::{{accountId}}:role/x')).toContain('{{accountId}}');
    expect(stepText({ writeFile: 'p.json', text: '{"Resource": "arn:aws:iam::{{accountId}}:user/{{U}}"}\n' })).toBe(
      '# in the file editor, save p.json:\n{"Resource": "arn:aws:iam::{{accountId}}:user/<U: from an earlier command\'s output>"}',
    );
  });
});
