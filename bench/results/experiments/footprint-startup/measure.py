#!/usr/bin/env python3
"""Start-up until /actuator/health 200, CPU (utime+stime) at that moment, VmRSS after 5 s idle:
the same procedure as the bench's FootprintScenario, for one launch variant.
usage: measure.py NAME JAR [jvm flags...] [-- app args...]"""
import os, socket, subprocess, sys, tempfile, time, urllib.request

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p

def load():
    return " ".join(open("/proc/loadavg").read().split()[:3])

name, jar, rest = sys.argv[1], sys.argv[2], sys.argv[3:]
app_args = []
if "--" in rest:
    i = rest.index("--"); app_args = rest[i + 1:]; rest = rest[:i]
directory = tempfile.mkdtemp(prefix="onboarding-fpx-")
port = free_port()
env = dict(os.environ, PORT=str(port), ONBOARDING_EMBEDDED_KAFKA_PORT=str(free_port()),
           ONBOARDING_DATA_DIR=os.path.join(directory, "data"),
           ONBOARDING_ADMIN_TOKEN="bench-token-0123456789abcdef0123456789abcdef")
for k in ("DATABASE_URL", "KAFKA_BOOTSTRAP_SERVERS", "SPRING_KAFKA_BOOTSTRAP_SERVERS", "SPRING_PROFILES_ACTIVE"):
    env.pop(k, None)
before = load()
log = open(os.path.join(directory, "engine.log"), "w")
start = time.monotonic()
p = subprocess.Popen(["java", *rest, "-jar", jar, *app_args], cwd=directory, env=env, stdout=log, stderr=subprocess.STDOUT)
up = False
while time.monotonic() - start < 600 and p.poll() is None:
    try:
        if urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{port}/actuator/health", headers={"Authorization": "Token bench-token-0123456789abcdef0123456789abcdef"}), timeout=5).status == 200:
            up = True; break
    except Exception:
        pass
    time.sleep(0.1)
wall = time.monotonic() - start
def cpu():
    f = open(f"/proc/{p.pid}/stat").read(); f = f[f.rindex(")") + 2:].split()
    return (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")
if up:
    c = cpu(); time.sleep(5)
    rss = [l for l in open(f"/proc/{p.pid}/status") if l.startswith("VmRSS")][0].split()[1]
    print(f"| {name} | {wall:.1f} | {c:.1f} | {int(rss)//1024} | {before} -> {load()} |", flush=True)
else:
    print(f"| {name} | not healthy in {wall:.0f} s (exit {p.poll()}), log {directory} | | | {before} |", flush=True)
p.terminate()
try: p.wait(30)
except subprocess.TimeoutExpired: p.kill()
