#!/usr/bin/python3
"""Run the zhnews pipeline over many documents with Dask, then load the results.

    /usr/bin/python3 examples/dask/zhnews_dask.py corpus more/*.txt --db data/news.db
    /usr/bin/python3 examples/dask/zhnews_dask.py --manifest inputs.jsonl --scheduler tcp://host:8786

1. The inputs become a manifest: one JSON line per document, `{"path"}` as
   `zhnews run` would expand and store them (`zhnews extract --list`), or the
   lines of --manifest as given (`{"path"}`, `{"id", "text"}`, …).
2. The manifest is cut into shards of consecutive lines. Each shard is one
   Dask task: in a worker it runs `zhnews extract --jsonl` as a subprocess on
   the shard's lines and writes the records to one result file per shard,
   atomically (a temporary file, renamed when complete and checked).
   A task that fails is retried (--retries); a task whose worker dies is
   rescheduled on another worker by the scheduler. A result file's name holds
   a digest of its input lines and pipeline, so a re-run reuses the shards
   that are already done.
3. `zhnews load` merges the result files, in manifest order, into SQLite:
   the database is the one `zhnews run` would have written for the same
   inputs. Loading a shard twice changes nothing.

Without --scheduler a LocalCluster starts with one worker process per core
(one thread each: the work is in the zhnews subprocess). With a remote
scheduler the workers must be able to run zhnews (--zhnews) in the driver's
working directory and read the input files at the manifest's paths (a shared
file system), or use --inline to send the files' bytes in the manifest.

Needs Debian's python3-distributed (apt-get install python3-distributed);
run it with /usr/bin/python3.
"""

import argparse
import hashlib
import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_BIN = os.path.join(HERE, '..', '..', 'bin', 'zhnews.js')


def default_zhnews():
    """`zhnews` on PATH, else this checkout's bin/zhnews.js under node."""
    exe = shutil.which('zhnews')
    if exe:
        return [exe]
    return ['node', os.path.abspath(REPO_BIN)]


def extract_shard(index, lines, out_path, zhnews, cwd, pipeline, kill_marker=None):
    """Dask task: run `zhnews extract --jsonl` on one shard's lines; returns the result file.

    The result appears under its final name only when complete: one record per
    input line. `kill_marker` (tests and demonstrations only) kills this worker
    process mid-way the first time any worker runs this shard.
    """
    if os.path.exists(out_path):
        return out_path  # done by an earlier run or an earlier attempt
    tmp = '%s.tmp-%d-%d' % (out_path, os.getpid(), threading.get_ident())
    cmd = list(zhnews) + ['extract', '--jsonl']
    if pipeline:
        cmd += ['--pipeline', pipeline]
    data = ''.join(line + '\n' for line in lines).encode('utf-8')
    with open(tmp, 'wb') as out:
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=out, stderr=subprocess.PIPE, cwd=cwd)
        if kill_marker:
            _kill_once(kill_marker, tmp, proc)
        _, err = proc.communicate(data)
    # extract exits 1 when some documents failed: their error records are results too
    if proc.returncode not in (0, 1):
        os.unlink(tmp)
        raise RuntimeError('shard %d: zhnews extract exited with %s: %s' % (index, proc.returncode, err.decode('utf-8', 'replace')[-500:]))
    with open(tmp, 'rb') as f:
        got = sum(1 for _ in f)
    if got != len(lines):
        os.unlink(tmp)
        raise RuntimeError('shard %d: %d records for %d input lines' % (index, got, len(lines)))
    os.replace(tmp, out_path)
    return out_path


def _kill_once(marker, tmp, proc):
    """Once per marker file: when the first record is written, kill the subprocess and this worker."""
    try:
        fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        return

    def killer():
        while proc.poll() is None and os.path.getsize(tmp) == 0:
            time.sleep(0.02)
        os.write(fd, ('killed worker %d after %d bytes of %s\n' % (os.getpid(), os.path.getsize(tmp), os.path.basename(tmp))).encode())
        os.close(fd)
        proc.kill()
        os.kill(os.getpid(), signal.SIGKILL)

    threading.Thread(target=killer, daemon=True).start()


def read_manifest(args, zhnews):
    if args.manifest:
        with open(args.manifest, encoding='utf-8') as f:
            return [line.rstrip('\n') for line in f if line.strip()]
    cmd = list(zhnews) + ['extract', '--list'] + (['--inline'] if args.inline else []) + args.paths
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if r.returncode not in (0, 1):  # 1: some inputs are missing; their error lines are in the manifest
        sys.exit('zhnews_dask: %s failed: %s' % (' '.join(cmd[:4]), r.stderr.decode('utf-8', 'replace')))
    return [line for line in r.stdout.decode('utf-8').split('\n') if line.strip()]


def shard_size(n, workers, asked):
    if asked:
        return max(1, asked)
    # about four shards per worker: small enough to balance, large enough that
    # starting zhnews (jieba's dictionaries) stays a small part of each task
    return max(1, min(500, -(-n // (workers * 4))))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('paths', nargs='*', help='files, folders or globs, as for zhnews run')
    ap.add_argument('--manifest', help='a JSONL file of input lines instead of paths')
    ap.add_argument('--scheduler', help='address of a running Dask scheduler (default: a LocalCluster)')
    ap.add_argument('--workers', type=int, default=os.cpu_count() or 1, help='LocalCluster worker processes (default: one per core)')
    ap.add_argument('--shard-size', type=int, default=0, help='input lines per shard (default: about four shards per worker)')
    ap.add_argument('--out', default='zhnews-results', help='folder for the per-shard result files (default: zhnews-results)')
    ap.add_argument('--db', help='SQLite database to load into (default: the pipeline\'s)')
    ap.add_argument('--pipeline', help='pipeline config file (default: zhnews\'s default pipeline)')
    ap.add_argument('--zhnews', help='command that runs zhnews (default: zhnews on PATH, else node bin/zhnews.js of this checkout)')
    ap.add_argument('--retries', type=int, default=3, help='times Dask retries a failed shard (default: 3)')
    ap.add_argument('--inline', action='store_true', help='put the files\' bytes in the manifest (workers need not see the files)')
    ap.add_argument('--commit-every', type=int, default=1, help='documents per commit when loading (zhnews load --commit-every; default 1)')
    ap.add_argument('--no-load', action='store_true', help='only write the result files')
    ap.add_argument('--kill-worker-once', metavar='MARKER', help=argparse.SUPPRESS)
    ap.add_argument('--kill-shard', type=int, default=0, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if not args.paths and not args.manifest:
        ap.error('give input paths or --manifest')

    import logging
    from dask.distributed import Client, LocalCluster

    zhnews = shlex.split(args.zhnews) if args.zhnews else default_zhnews()
    pipeline = os.path.abspath(args.pipeline) if args.pipeline else None
    started = time.time()
    lines = read_manifest(args, zhnews)
    os.makedirs(args.out, exist_ok=True)
    cwd = os.getcwd()

    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
        workers = max(1, len(client.scheduler_info().get('workers', {})))
    else:
        workers = max(1, args.workers)
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(cluster)
    size = shard_size(len(lines), workers, args.shard_size)
    shards = [lines[i:i + size] for i in range(0, len(lines), size)]
    futures = []
    for i, shard in enumerate(shards):
        digest = hashlib.sha256(('\n'.join(shard) + '\0' + (pipeline or '')).encode('utf-8')).hexdigest()[:16]
        out_path = os.path.abspath(os.path.join(args.out, 'shard-%05d-%s.jsonl' % (i, digest)))
        marker = os.path.abspath(args.kill_worker_once) if args.kill_worker_once and i == args.kill_shard else None
        futures.append(client.submit(extract_shard, i, shard, out_path, zhnews, cwd, pipeline, marker,
                                     key='zhnews-shard-%d-%s' % (i, digest), retries=args.retries, pure=False))
    try:
        results = client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    extracted = time.time()
    for name in os.listdir(args.out):  # attempts a killed worker left behind
        if '.tmp-' in name:
            os.unlink(os.path.join(args.out, name))
    summary = {'documents': len(lines), 'shards': len(shards), 'workers': workers,
               'extractSeconds': round(extracted - started, 3), 'results': results}
    code = 0
    if not args.no_load:
        cmd = list(zhnews) + ['load', '--json', '--quiet', '--commit-every', str(max(1, args.commit_every))] \
            + (['--db', args.db] if args.db else []) \
            + (['--pipeline', pipeline] if pipeline else []) + results
        r = subprocess.run(cmd, stdout=subprocess.PIPE, check=False)
        out = r.stdout.decode('utf-8').strip().split('\n')
        summary['load'] = json.loads(out[-1]) if out and out[-1].startswith('{') else None
        summary['loadSeconds'] = round(time.time() - extracted, 3)
        code = r.returncode
    summary['seconds'] = round(time.time() - started, 3)
    print(json.dumps(summary))
    return code


if __name__ == '__main__':
    sys.exit(main())
