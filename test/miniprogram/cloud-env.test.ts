import { cloudEnv } from '../../miniprogram/cloud-env';

/** The client names its cloud environment per version, so it never falls to the default one. */
function running(envVersion: string): void {
  Object.assign(wx, { getAccountInfoSync: () => ({ miniProgram: { appId: 'wx1', envVersion } }) });
}

const envs = { develop: 'beian-dev-1a2b', trial: 'beian-dev-1a2b', release: 'beian-prod-3c4d' };

describe('the cloud environment the mini-program uses', () => {
  it('is the one configured for the running version', () => {
    running('release');
    expect(cloudEnv(envs)).toBe('beian-prod-3c4d');
    running('develop');
    expect(cloudEnv(envs)).toBe('beian-dev-1a2b');
  });

  it('is none (the account default, with a warning at launch) when the version has no entry', () => {
    running('trial');
    expect(cloudEnv({ ...envs, trial: '' })).toBeNull();
  });
});
