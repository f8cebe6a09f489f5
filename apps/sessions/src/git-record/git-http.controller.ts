import { createGunzip } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { canRead, isUuid, UnauthenticatedError } from '@app/domain';
import { IDENTITY_HEADER, verifyIdentity } from '@app/platform';
import { GitRepositories } from '../workspace/git-repository';
import { spawnUploadPack } from '../workspace/git-command';

/** The internal secret the gateway signs identities with. */
export const GIT_HTTP_SECRET = Symbol('GIT_HTTP_SECRET');

function pktLine(text: string): string {
  return `${(text.length + 4).toString(16).padStart(4, '0')}${text}`;
}

/**
 * Read-only smart HTTP for the git record (`/git/<projectId>.git/…`), reached through the gateway,
 * which authenticates the caller and forwards a signed identity: the ref advertisement and
 * `git-upload-pack` (protocols 0 to 2) run `git upload-pack --stateless-rpc` with the locked
 * settings of every git command here. A project the identity cannot read is 404, like an unknown one.
 */
@Controller('git')
export class GitHttpController {
  constructor(
    private readonly repos: GitRepositories,
    @Inject(GIT_HTTP_SECRET) private readonly secret: string,
  ) {}

  @Get(':repository/info/refs')
  infoRefs(
    @Param('repository') repository: string,
    @Query('service') service: string | undefined,
    @Req() req: IncomingMessage,
    @Res() res: ServerResponse,
  ): void {
    const dir = this.repositoryFor(repository, req, res);
    if (!dir) return;
    if (service !== 'git-upload-pack') {
      plain(res, 403, 'only git-upload-pack (clone, fetch) is served: the git record is read-only');
      return;
    }
    const gitProtocol = header(req, 'git-protocol');
    res.writeHead(200, {
      'content-type': 'application/x-git-upload-pack-advertisement',
      'cache-control': 'no-cache, max-age=0, must-revalidate',
    });
    // Protocol 2 starts with its capabilities; 0 and 1 with the service line (as git http-backend does).
    if (!/version=2/.test(gitProtocol ?? '')) res.write(`${pktLine('# service=git-upload-pack\n')}0000`);
    this.run(dir, req, res, { advertiseRefs: true, gitProtocol });
  }

  @Post(':repository/git-upload-pack')
  uploadPack(
    @Param('repository') repository: string,
    @Req() req: IncomingMessage,
    @Res() res: ServerResponse,
  ): void {
    const dir = this.repositoryFor(repository, req, res);
    if (!dir) return;
    res.writeHead(200, {
      'content-type': 'application/x-git-upload-pack-result',
      'cache-control': 'no-cache, max-age=0, must-revalidate',
    });
    this.run(dir, req, res, { advertiseRefs: false, gitProtocol: header(req, 'git-protocol') });
  }

  /** The repository's folder, or null after answering 401/404. */
  private repositoryFor(repository: string, req: IncomingMessage, res: ServerResponse): string | null {
    let identity;
    try {
      identity = verifyIdentity(header(req, IDENTITY_HEADER), this.secret);
    } catch (error) {
      plain(res, 401, error instanceof UnauthenticatedError ? error.message : 'unauthenticated');
      return null;
    }
    const projectId = /^(.+)\.git$/.exec(repository)?.[1] ?? '';
    if (!isUuid(projectId) || !canRead(identity, projectId) || !this.repos.exists(projectId)) {
      plain(res, 404, `repository ${repository} not found`);
      return null;
    }
    return this.repos.repositoryOf(projectId);
  }

  private run(
    dir: string,
    req: IncomingMessage,
    res: ServerResponse,
    options: { advertiseRefs: boolean; gitProtocol?: string },
  ): void {
    const git = spawnUploadPack(dir, options);
    const body = header(req, 'content-encoding') === 'gzip' ? req.pipe(createGunzip()) : req;
    body.on('error', () => git.kill());
    if (options.advertiseRefs) git.stdin.end();
    else body.pipe(git.stdin);
    git.stdin.on('error', () => undefined); // upload-pack may finish before reading everything
    git.stdout.pipe(res);
    git.stderr.resume();
    res.on('close', () => {
      if (git.exitCode === null) git.kill();
    });
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function plain(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(`${message}\n`);
}
