"""gunicorn settings for Wiredesk behind nginx (``gunicorn -c deploy/gunicorn.conf.py``).

nginx (deploy/nginx/wiredesk.conf) serves static files and cached pages; gunicorn only
renders what nginx does not hold. Threads suit the app: most time is spent in the database.
"""

import multiprocessing
import os

wsgi_app = "wiredesk.wsgi:application"
bind = os.environ.get("WIREDESK_BIND", "127.0.0.1:8001")
workers = int(os.environ.get("WIREDESK_WORKERS", min(4, multiprocessing.cpu_count())))
worker_class = "gthread"
threads = int(os.environ.get("WIREDESK_THREADS", "4"))
keepalive = 30  # nginx keeps upstream connections open (upstream keepalive)
timeout = 60
graceful_timeout = 20
max_requests = 10000  # recycle workers now and then
max_requests_jitter = 1000
accesslog = None  # nginx logs requests
errorlog = "-"
# gunicorn takes the scheme (X-Forwarded-Proto) only from nginx, like the app itself
# (WIREDESK_TRUSTED_PROXIES in deploy/wiredesk.service; tests/test_deploy_security.py).
forwarded_allow_ips = "127.0.0.1,::1"
