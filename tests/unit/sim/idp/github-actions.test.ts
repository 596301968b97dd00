// The simulated GitHub Actions OIDC issuer: subject formats and claims as GitHub documents them, and a
// signature that only the issuer can produce.
// "OpenID Connect reference" (example subject claims, token claims), GitHub Docs: https://docs.github.com/en/actions/reference/security/oidc
import { describe, expect, test } from 'vitest';
import { githubSubject, mintGitHubActionsToken } from '../../../../src/sim/idp/github-actions.ts';
import { checkTokenSignature } from '../../../../src/sim/idp/issuers.ts';
import { decodeJwt, signJwt } from '../../../../src/sim/idp/jwt.ts';

const NOW = Date.UTC(2026, 2, 2, 9, 0, 0);

describe('GitHub Actions OIDC tokens', () => {
  test.each([
    [{ repository: 'octo/app', ref: 'refs/heads/main' }, 'repo:octo/app:ref:refs/heads/main'],
    [{ repository: 'octo/app', ref: 'refs/tags/v1.0' }, 'repo:octo/app:ref:refs/tags/v1.0'],
    [{ repository: 'octo/app', eventName: 'pull_request' }, 'repo:octo/app:pull_request'],
    [{ repository: 'octo/app', environment: 'prod', eventName: 'pull_request' }, 'repo:octo/app:environment:prod'],
  ])('%o has subject %s', (job, subject) => {
    expect(githubSubject(job)).toBe(subject);
  });

  test('claims: issuer, audience, times (5 minutes from iat), repository facts', () => {
    const token = decodeJwt(mintGitHubActionsToken({ repository: 'octo/app' }, NOW));
    expect(token?.header).toMatchObject({ typ: 'JWT', alg: 'RS256' });
    const iat = NOW / 1000;
    expect(token?.claims).toMatchObject({
      iss: 'https://token.actions.githubusercontent.com',
      aud: 'sts.amazonaws.com',
      sub: 'repo:octo/app:ref:refs/heads/main',
      repository: 'octo/app',
      repository_owner: 'octo',
      ref: 'refs/heads/main',
      ref_type: 'branch',
      event_name: 'push',
      iat,
      exp: iat + 300,
      nbf: iat - 600,
    });
  });

  test('the issuer verifies its own tokens; an edited payload or another signer fails', () => {
    const token = mintGitHubActionsToken({ repository: 'octo/app' }, NOW);
    expect(checkTokenSignature(token).ok).toBe(true);
    const [h, , s] = token.split('.');
    const other = mintGitHubActionsToken({ repository: 'octo/evil' }, NOW).split('.')[1];
    expect(checkTokenSignature(`${h}.${other}.${s}`)).toMatchObject({ ok: false, reason: 'BAD_SIGNATURE' });
    const selfSigned = signJwt({ alg: 'RS256' }, { iss: 'https://token.actions.githubusercontent.com', sub: 'x' }, 'guessed key');
    expect(checkTokenSignature(selfSigned)).toMatchObject({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(checkTokenSignature(signJwt({}, { iss: 'https://accounts.google.com' }, 'k'))).toMatchObject({
      ok: false,
      reason: 'UNKNOWN_ISSUER',
    });
    expect(checkTokenSignature('a.b')).toEqual({ ok: false, reason: 'NOT_A_JWT' });
  });
});
