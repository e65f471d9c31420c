"""Benchmark the article page: static nginx vs production (nginx cache + app) vs bare app vs naive.

Run from the project root::

    .venv/bin/python bench/pages.py [--seconds 5] [--stories 300] [--connections 32]

Everything runs on 127.0.0.1 on free ports, in one run, against one temporary
``WIREDESK_HOME`` (SQLite) filled with ``wiredesk demo --no-serve`` (``generate_wire``):

- static: nginx serving a saved copy of the article page as a file — the limit;
- production: ``deploy/nginx/wiredesk.conf`` (front cache, purge by refresh) → gunicorn;
- bare: gunicorn with ``bench.settings_bare`` (page cache off) — the app's own speed;
- naive: gunicorn with ``bench.settings_naive`` (``bench/naive.py`` at the story URL).

Load comes from ``wrk`` (Debian package) when installed, else a Python thread loop. It
prints requests/s, the ratios production/static and bare/naive, the article page's
transferred weight with its CSS (gzip and identity), whether any loaded resource is on a
third-party host, and checks that a kill refreshes nginx's cached copy (410).

Does not change any project file; the temporary folder is removed afterwards.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv/bin"
NGINX = "/usr/sbin/nginx"
RESOURCE = re.compile(r"<(?:script|img|iframe|source|video|audio|link)\b[^>]*?\b(?:src|href)=\"([^\"]+)\"", re.I)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer in {seconds} s")


def gunicorn(port: int, settings: str, env: dict[str, str], workers: int, threads: int) -> subprocess.Popen[bytes]:
    command = [str(VENV / "gunicorn"), "wiredesk.wsgi:application", "--bind", f"127.0.0.1:{port}",
               "--workers", str(workers), "--threads", str(threads), "--worker-class", "gthread",
               "--pythonpath", str(ROOT), "--chdir", str(ROOT), "--log-level", "warning",
               "--no-control-socket"]  # fmt: skip
    return subprocess.Popen(command, env={**env, "DJANGO_SETTINGS_MODULE": settings})


def nginx_config(prefix: Path, static_port: int, front_port: int, app_port: int, static_root: Path) -> str:
    """The deploy configuration with this run's ports and paths, plus the static-file server."""
    deploy = (ROOT / "deploy/nginx/wiredesk.conf").read_text()
    deploy = deploy.replace("/var/cache/nginx/wiredesk", str(prefix / "cache"))
    deploy = deploy.replace("server 127.0.0.1:8001;", f"server 127.0.0.1:{app_port};")
    deploy = deploy.replace("listen 80;", f"listen 127.0.0.1:{front_port};")
    deploy = deploy.replace("/srv/wiredesk/var/static/", f"{static_root}/")
    kinds = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    temp = "\n".join(f"{name}_temp_path {prefix}/{name};" for name in kinds)
    # Started as root, nginx workers would switch to "nobody" and lose access to the temp folder.
    user = "user root;" if os.geteuid() == 0 else ""
    return f"""{user}
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    {temp}
    {deploy}
    server {{
        listen 127.0.0.1:{static_port};
        root {prefix}/site;
        location = /article {{ default_type text/html; try_files /article.html =404; }}
        location /static/ {{ alias {static_root}/; }}
    }}
}}
"""


def run_wrk(url: str, seconds: float, connections: int) -> tuple[float, str]:
    if shutil.which("wrk"):
        out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds:g}s", url],
                             capture_output=True, text=True, check=True).stdout  # fmt: skip
        rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
        errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        return rate, f"non-2xx: {errors.group(1)}" if errors else ""
    return python_load(url, seconds, connections), "python loop"


def python_load(url: str, seconds: float, connections: int) -> float:
    """A fallback load generator: ``connections`` threads with keep-alive clients."""
    count = [0] * connections
    deadline = time.monotonic() + seconds

    def worker(i: int) -> None:
        with httpx.Client() as client:
            while time.monotonic() < deadline:
                client.get(url)
                count[i] += 1

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(count) / seconds


def wire_bytes(url: str, encoding: str) -> tuple[int, str]:
    """Bytes on the wire (body, as sent) for ``url`` with ``Accept-Encoding: encoding``."""
    with httpx.Client() as client, client.stream("GET", url, headers={"Accept-Encoding": encoding}) as response:
        response.raise_for_status()
        text = response.read().decode("utf-8", "replace")
        return response.num_bytes_downloaded, text


def page_weight(page_url: str, own_hosts: set[str]) -> dict[str, object]:
    gz_html, html = wire_bytes(page_url, "gzip")
    id_html, _ = wire_bytes(page_url, "identity")
    resources = [urljoin(page_url, found) for found in RESOURCE.findall(html) if not found.startswith("data:")]
    loaded = [r for r in resources if re.search(r"\.(css|js|png|jpe?g|webp|svg|ico|woff2?)(\?|$)", r)]
    css = [r for r in loaded if ".css" in r]
    gz_css = id_css = 0
    for url in css:
        g, text = wire_bytes(url, "gzip")
        i, _ = wire_bytes(url, "identity")
        gz_css, id_css = gz_css + g, id_css + i
        loaded += [urljoin(url, u) for u in re.findall(r"url\(['\"]?([^'\")]+)", text) if not u.startswith("data:")]
    third = [r for r in loaded if urlsplit(r).netloc not in own_hosts]
    return {"html_gzip": gz_html, "html_identity": id_html, "css_gzip": gz_css, "css_identity": id_css,
            "css_files": len(css), "resources": loaded, "third_party": third}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--stories", type=int, default=300)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="wd-bench-pages-"))
    processes: list[subprocess.Popen[bytes]] = []
    try:
        ports = {name: free_port() for name in ("static", "front", "app", "bare", "naive")}
        base = f"http://127.0.0.1:{ports['front']}"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("WIREDESK_", "DATABASE_URL", "DJANGO_"))}
        env.update(WIREDESK_HOME=str(tmp / "home"), WIREDESK_BASE_URL=base, WIREDESK_SECRET_KEY="bench-only",  # noqa: S106
                   WIREDESK_PAGE_CACHE="file")  # fmt: skip
        nginx_backend = "wiredesk.site.purge.nginx.NginxBackend"
        purging = {**env, "WIREDESK_PURGE_BACKEND": nginx_backend, "WIREDESK_PURGE_URL": base}
        print(f"demo data: {args.stories} stories into {tmp / 'home'} …", flush=True)
        subprocess.run([str(VENV / "wiredesk"), "demo", "--no-serve", "--stories", str(args.stories)],
                       env=env, check=True, stdout=subprocess.DEVNULL)  # fmt: skip
        subprocess.run([str(VENV / "wiredesk"), "collectstatic", "--noinput", "-v0"], env=env, check=True)

        processes.append(gunicorn(ports["app"], "wiredesk.settings", purging, args.workers, args.threads))
        processes.append(gunicorn(ports["bare"], "bench.settings_bare", env, args.workers, args.threads))
        processes.append(gunicorn(ports["naive"], "bench.settings_naive", env, args.workers, args.threads))
        for name in ("app", "bare", "naive"):
            wait_for(f"http://127.0.0.1:{ports[name]}/robots.txt")

        found = re.search(r"(/story/\d+/[a-z0-9]+-[^\"/]+/)", httpx.get(f"http://127.0.0.1:{ports['bare']}/").text)
        assert found, "no story on the demo site"
        article = found.group(1)

        prefix = tmp / "nginx"
        for folder in ("site", "cache", "logs"):
            (prefix / folder).mkdir(parents=True)
        saved = httpx.get(f"http://127.0.0.1:{ports['bare']}{article}")
        (prefix / "site/article.html").write_bytes(saved.content)
        config = prefix / "nginx.conf"
        config.write_text(nginx_config(prefix, ports["static"], ports["front"], ports["app"], tmp / "home/static"))
        processes.append(subprocess.Popen([NGINX, "-p", str(prefix), "-c", str(config), "-g", "daemon off;"],
                                          stderr=subprocess.DEVNULL))  # fmt: skip
        wait_for(f"http://127.0.0.1:{ports['static']}/article")
        front = f"{base}{article}"
        statuses = [httpx.get(front).headers.get("X-Front-Cache") for _ in range(3)]
        print(f"article {article}: front cache {' → '.join(map(str, statuses))}")

        targets = {
            "static (nginx file)": f"http://127.0.0.1:{ports['static']}/article",
            "production (nginx cache + app)": front,
            "bare app, uncached": f"http://127.0.0.1:{ports['bare']}{article}",
            "naive Django view": f"http://127.0.0.1:{ports['naive']}{article}",
        }
        for url in targets.values():
            assert httpx.get(url).status_code == 200, url
        rates: dict[str, float] = {}
        tool = f"wrk -t2 -c{args.connections} -d{args.seconds:g}s" if shutil.which("wrk") else "python threads"
        print(f"\nload: {tool}, {args.workers} gunicorn workers × {args.threads} threads, {os.cpu_count()} CPUs")
        for name, url in targets.items():
            rate, note = run_wrk(url, args.seconds, args.connections)
            rates[name] = rate
            print(f"  {name:<32} {rate:>10.0f} req/s  {note}", flush=True)
        names = list(targets)
        prod_static = rates[names[1]] / rates[names[0]]
        bare_naive = rates[names[2]] / rates[names[3]]
        print(f"\nproduction / static = {prod_static:.2f} (target ≥ 0.5) {'ok' if prod_static >= 0.5 else 'MISSED'}")
        print(f"bare / naive        = {bare_naive:.2f} (target ≥ 2)   {'ok' if bare_naive >= 2 else 'MISSED'}")

        weight = page_weight(front, {f"127.0.0.1:{ports['front']}"})
        total_gz = int(weight["html_gzip"]) + int(weight["css_gzip"])  # type: ignore[call-overload]
        total_id = int(weight["html_identity"]) + int(weight["css_identity"])  # type: ignore[call-overload]
        print(f"\narticle weight: HTML {weight['html_gzip']} B gzip / {weight['html_identity']} B identity; "
              f"CSS ({weight['css_files']} file) {weight['css_gzip']} B gzip / {weight['css_identity']} B identity")
        print(f"  total {total_gz / 1024:.1f} KB gzip / {total_id / 1024:.1f} KB identity (target ≤ 30 KB) "
              f"{'ok' if total_gz <= 30 * 1024 else 'MISSED'}")  # fmt: skip
        print(f"  loaded resources: {len(weight['resources'])}; third-party: {weight['third_party'] or 'none'}")  # type: ignore[arg-type]

        # Purge through nginx: kill the story in another process (as `wiredesk story kill` would).
        pk = int(article.split("/")[2])
        kill = ("import django; django.setup(); from wiredesk.stories import services; "
                f"from wiredesk.stories.models import Story; services.kill(Story.objects.get(pk={pk}), actor='bench')")
        django_env = {**purging, "DJANGO_SETTINGS_MODULE": "wiredesk.settings"}
        subprocess.run([str(VENV / "python"), "-c", kill], env=django_env, check=True, cwd=ROOT)
        after = httpx.get(front)
        print(f"\nafter a kill: nginx answers {after.status_code} ({after.headers.get('X-Front-Cache')})"
              f" {'ok' if after.status_code == 410 else 'STALE'}")  # fmt: skip
        return 0 if after.status_code == 410 and not weight["third_party"] else 1
    finally:
        if os.environ.get("BENCH_KEEP"):
            print(f"kept {tmp} for 60 s", flush=True)
            time.sleep(60)
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
