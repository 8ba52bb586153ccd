// A real IMAP server for tests: Debian's Dovecot (`apt-get install dovecot-imapd`, which .ci/run installs)
// started from a temporary configuration on loopback, one mailbox user, mail kept in a temporary folder.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src-server/net';

export const DOVECOT = ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot'].find((p) => existsSync(p));
export const NO_DOVECOT = 'Dovecot is not installed: `apt-get install -y dovecot-imapd` (Debian) to run the mailbox tests.';

export interface ImapServer {
  host: string;
  port: number;
  user: string;
  pass: string;
  url: string;
  stop(): Promise<void>;
}

function idOf(name: string): number {
  const out = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  return Number(out.stdout.trim());
}

export async function startImapServer(): Promise<ImapServer> {
  if (!DOVECOT) throw new Error(NO_DOVECOT);
  const dir = mkdtempSync(join(tmpdir(), 'usterka-imap-'));
  chmodSync(dir, 0o755);
  for (const sub of ['run', 'state', 'mail', 'home']) {
    mkdirSync(join(dir, sub));
    chmodSync(join(dir, sub), 0o777);
  }
  const port = await freePort();
  const user = 'awaria';
  const pass = 'haslo-skrzynki-1';
  // Running as root, Dovecot hands mail to its own system user; as another user, to that user.
  const asRoot = process.getuid?.() === 0;
  const uid = asRoot ? idOf('dovecot') : process.getuid!();
  const gid = asRoot ? Number(spawnSync('id', ['-g', 'dovecot'], { encoding: 'utf8' }).stdout.trim()) : process.getgid!();
  writeFileSync(join(dir, 'users'), `${user}:{PLAIN}${pass}\n`);
  const config = `
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = ${uid}
first_valid_gid = ${gid}
mail_location = maildir:${dir}/mail/%u
${asRoot ? '' : `default_internal_user = ${process.env.USER ?? 'nobody'}\ndefault_login_user = ${process.env.USER ?? 'nobody'}\n`}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${uid} gid=${gid} home=${dir}/home/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service imap-login {
  chroot =
}
`;
  writeFileSync(join(dir, 'dovecot.conf'), config);
  const child: ChildProcess = spawn(DOVECOT, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Dovecot exited: ${output}`);
    if (await listening(port)) break;
    if (Date.now() > deadline) throw new Error(`Dovecot did not listen on ${port}: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    host: '127.0.0.1',
    port,
    user,
    pass,
    url: `imap://${user}:${encodeURIComponent(pass)}@127.0.0.1:${port}/INBOX`,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}
