import rule from '../../src/rules/shipshape/no-system-pip.js';
import { ruleTable } from '../helpers/rule-table.js';

const DEB = 'FROM debian:12.6\nRUN apt-get update && apt-get install -y --no-install-recommends python3-pip\n';
const UBU = 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y python3 python3-pip\n';

ruleTable(rule, {
  silent: [
    'FROM python:3.12.4-slim\nRUN pip install --no-cache-dir flask==3.0.3\n',
    'FROM python:3.12.4-slim\nRUN python -m venv /x && /x/bin/pip install flask==3.0.3\n',
    // Older releases have no EXTERNALLY-MANAGED marker.
    'FROM debian:11.9\nRUN apt-get update && apt-get install -y python3-pip\nRUN pip3 install flask==3.0.3\n',
    'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y python3-pip\nRUN pip3 install flask==3.0.3\n',
    // A virtual environment.
    DEB + 'RUN python3 -m venv /opt/venv\nENV PATH=/opt/venv/bin:$PATH\nRUN pip install flask==3.0.3\n',
    DEB + 'ENV VIRTUAL_ENV=/opt/venv\nRUN python3 -m venv $VIRTUAL_ENV\nRUN pip install flask==3.0.3\n',
    DEB + 'RUN python3 -m venv /opt/venv && /opt/venv/bin/pip install flask==3.0.3\n',
    DEB + 'RUN python3 -m venv /opt/venv && . /opt/venv/bin/activate && pip install flask==3.0.3\n',
    DEB + 'RUN python3 -m venv /opt/venv && /opt/venv/bin/pip install --break-system-packages flask==3.0.3\n',
    // Not into the system site-packages.
    DEB + 'RUN pip install --target /deps flask==3.0.3\n',
    DEB + 'RUN pip install --prefix=/install flask==3.0.3\n',
    // No system Python installed by the Dockerfile: pip comes from elsewhere.
    'FROM debian:12.6\nRUN pip install flask==3.0.3\n',
    'FROM debian:12.6\nRUN pip download flask==3.0.3\n',
    // First review: Alpine's python3 has no pip (py3-pip is separate): `pip3: not found`, not PEP 668.
    'FROM alpine:3.20\nRUN apk add --no-cache python3\nRUN pip3 install luigi==3.5.1\n',
    'FROM alpine:latest\nRUN apk add --no-cache python3-dev py3-ldap3 gcc\nRUN python3 -m pip install flask==3.0.3\n',
    // Fourth review: Debian's ensurepip refuses to run for the system Python ("ensurepip is disabled"), which
    // is not a PEP 668 failure and gives no pip for the later pip3.
    'FROM debian:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends python3 && python3 -m ensurepip\nRUN pip3 install flask==3.0.3\n',
    // get-pip.py run by a virtual environment's python3 is no system install.
    'FROM alpine:3.20\nRUN apk add --no-cache python3 curl && python3 -m venv /opt/venv\nENV PATH=/opt/venv/bin:$PATH\nRUN curl -sS https://bootstrap.pypa.io/get-pip.py | python3\n',
    // A versioned interpreter from a PPA with its own get-pip.py is not the distribution's python3.
    'FROM ubuntu\nRUN add-apt-repository -y ppa:example/python-3.6 && apt-get install -y python3.6 python3.6-dev && wget -O- https://bootstrap.pypa.io/get-pip.py | python3.6 && pip install scrypt==0.8.20\n',
    // Python 2's `python` with its own get-pip.py: not the distribution's python3 (apk fails first on today's Alpine).
    'FROM alpine\nRUN apk add -U python python-dev curl && curl -sSL https://bootstrap.pypa.io/get-pip.py | python && pip install -r requirements.txt\n',
    // Pinned by digest: the release is unknown.
    'FROM ubuntu@sha256:' + 'b'.repeat(64) + '\nRUN apt-get update && apt-get install -y python3-pip\nRUN pip3 install pandas==2.2.2\n',
    // Second review: Python 2's pip (python-pip) has no PEP 668 check.
    'FROM ubuntu\nRUN apt-get update && apt-get install -y python python-pip\nRUN pip install requests==2.27.1\n',
    // Third review: a dated snapshot of a floating name is that release on that day (sid in February 2020: Python 3.7, no marker).
    'FROM debian:sid-20200224-slim\nRUN apt-get update && apt-get install -y python3-pip\nRUN pip3 install flask==1.1.1\n',
    'FROM alpine:20230329\nRUN apk add --no-cache py3-pip\nRUN pip3 install flask==2.2.3\n',
    // Third review: `easy_install pip` installs Python 2's pip (the unversioned easy_install is python-setuptools').
    'FROM ubuntu:latest\nRUN apt-get update && apt-get install -y python-setuptools python-dev python3 python3-pip\nRUN easy_install pip && pip install yotta\n',
    // Third review: a second, versioned interpreter (`python3.7 -m pip`) and the pip it put in /usr/local/bin.
    'FROM ubuntu:devel\nRUN apt-get update && apt-get install -y python3.7 python3.7-dev && apt-get install -y python3-pip && python3.7 -m pip install --upgrade pip\nCOPY requirements.txt .\nRUN python3.7 -m pip install -r requirements.txt\nRUN pip install -e /app\n',
  ],
  fires: [
    { name: 'third review: a dated sid snapshot after Debian 12 has the marker', input: 'FROM debian:sid-20240101-slim\nRUN apt-get update && apt-get install -y python3-pip\nRUN pip3 install flask==3.0.3\n', line: 3, message: /debian:sid-20240101-slim/ },
    { name: 'third review: a dated codename tag is judged by its codename', input: 'FROM debian:bookworm-20230612\nRUN apt-get update && apt-get install -y python3-pip\nRUN pip3 install flask==3.0.3\n', line: 3 },
    { name: 'third review: pip3 after easy_install pip is still Python 3\'s', input: 'FROM ubuntu:latest\nRUN apt-get update && apt-get install -y python-setuptools python3-pip\nRUN easy_install pip && pip3 install yotta\n', line: 3 },
    { name: 'third review: the system pip3 when the versioned interpreter only got packages', input: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y python3.12-venv python3-pip && python3.12 -m pip --version\nRUN pip3 install flask==3.0.3\n', line: 3 },
    { name: 'second review: Python 2 pip skipped, the pip3 after it reported', input: 'FROM ubuntu\nRUN apt-get update && apt-get install -y python-pip python3-pip\nRUN pip install six==1.16.0\nRUN pip3 install six==1.16.0\n', line: 4 },
    { name: 'pip linked to pip3 is Python 3 pip', input: 'FROM ubuntu\nRUN apt-get update && apt-get install -y python-pip python3-pip && ln -sf /usr/bin/pip3 /usr/bin/pip\nRUN pip install six==1.16.0\n', line: 3 },
    { input: DEB + 'RUN pip install --break-system-packages flask==3.0.3\n', line: 3, message: /overrides PEP 668/ },
    { input: 'FROM python:3.12.4-slim\nRUN pip install --break-system-packages flask==3.0.3\n', line: 2, name: 'forcing is reported on any base' },
    { input: DEB + 'ENV PIP_BREAK_SYSTEM_PACKAGES=1\nRUN pip install flask==3.0.3\n', line: 4 },
    { input: DEB + 'RUN uv pip install --system --break-system-packages flask==3.0.3\n', line: 3 },
    { input: DEB + 'RUN rm /usr/lib/python3.11/EXTERNALLY-MANAGED && pip install flask==3.0.3\n', line: 3, count: 1, message: /EXTERNALLY-MANAGED/ },
    { input: DEB + 'RUN pip install flask==3.0.3\n', line: 3, message: /debian:12\.6.*PEP 668/ },
    { input: UBU + 'RUN pip3 install --user flask==3.0.3\n', line: 3 },
    { input: 'FROM ubuntu:latest\nRUN apt-get install -y python3-pip\nRUN pip3 install flask==3.0.3\n', line: 3, message: /system Python of `ubuntu:latest` \(today Ubuntu 24\.04 or later\) fails/ },
    { input: UBU + 'RUN python3 -m pip install -r requirements.txt\n', line: 3 },
    { input: 'FROM alpine:3.20\nRUN apk add --no-cache py3-pip=24.0-r2\nRUN pip install flask==3.0.3\n', line: 3 },
    { name: 'break-system-packages set in the pip configuration', input: 'FROM alpine:3.20\nRUN apk add py3-pip python3 && pip3 config set global.break-system-packages true && pip3 install errbot==6.2.0\n', line: 2, count: 1, message: /overrides PEP 668/ },
    { input: 'FROM alpine:edge\nRUN apk add --no-cache python3 && python3 -m ensurepip\nRUN pip3 install flask==3.0.3\n', line: 2, count: 1, message: /`python3 -m ensurepip` installs pip with pip into the system Python/, name: 'fourth review: Alpine\'s ensurepip is the first install that fails' },
    { input: 'FROM alpine:3.20\nRUN apk add --no-cache python3 curl && curl -sS https://bootstrap.pypa.io/get-pip.py | python3\nRUN pip3 install flask==3.0.3\n', line: 2, count: 1, message: /get-pip\.py run by python3/, name: 'fourth review: get-pip.py piped into the distribution python3 fails itself' },
    { input: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends python3 curl && curl -sSO https://bootstrap.pypa.io/get-pip.py && python3 get-pip.py\nRUN pip3 install flask==3.0.3\n', line: 2, count: 1, name: 'fourth review: get-pip.py run as a file on Debian 12' },
    { input: UBU + 'RUN pip3 install flask==3.0.3\nRUN pip3 install gunicorn==22.0.0\n', line: 3, count: 1, name: 'one PEP 668 finding per stage: the build stops at the first' },
    { input: 'FROM ubuntu:24.04@sha256:' + 'b'.repeat(64) + '\nRUN apt-get install -y python3-pip\nRUN pip3 install flask==3.0.3\n', line: 3, name: 'a tag with the digest still names the release' },
    { input: 'FROM debian:bookworm-slim AS base\nRUN apt-get update && apt-get install -y python3-pip\nFROM base\nRUN pip install flask==3.0.3\n', line: 4, name: 'system Python installed in the parent stage' },
  ],
});
