#!/usr/bin/env bash
# Makes the stand-in base image and the wheelhouse for the real-build test of `shipshape init`
# (test/init/realbuild.test.ts). No registry or PyPI is reachable here, so:
#  - the base image is a minimal Debian bookworm rootfs (mmdebstrap) with Debian's python3, python3-venv and
#    python-is-python3 (and tzdata, which Debian's patched pytz reads), imported with buildah and tagged with the pinned python image name the generated
#    Dockerfile uses (argument 1). It is NOT the official image: its Python is Debian's 3.11.2 in /usr/bin.
#  - its /etc/pip.conf points pip at /wheels only (no index); the test bind-mounts the wheelhouse there with
#    `buildah bud --volume`, so the generated Dockerfile is built unchanged.
#  - the wheelhouse (argument 2) holds wheels packed from Debian's python3-django, python3-gunicorn,
#    python3-whitenoise and their dependencies (pack-wheels.py).
# Argument 3 is the cache key stored as a label, so a later run can tell whether the image is current.
# Argument 4 is the directory of the private buildah storage (vfs) the image is committed to.
# Needs root, mmdebstrap and buildah; a Debian mirror (deb.debian.org or MIRROR) must be reachable.
set -euo pipefail
image=$1 wheels=$2 key=$3 store=$4
b() { buildah --root "$store/storage" --runroot "$store/run" --storage-driver vfs "$@"; }
here=$(cd "$(dirname "$0")" && pwd)
mirror=${MIRROR:-http://deb.debian.org/debian}
work=$(mktemp -d /var/tmp/shipshape-standin.XXXXXX)
trap 'rm -rf "$work"' EXIT
debs="libjs-jquery python3-django python3-gunicorn python3-whitenoise python3-asgiref python3-sqlparse python3-tz"
mmdebstrap --quiet --variant=apt --include=python3,python3-venv,python-is-python3,tzdata \
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
  --customize-hook="chroot \"\$1\" sh -c 'mkdir -p /tmp/debs /tmp/x && cd /tmp/debs && apt-get download -q=2 $debs && for d in *.deb; do dpkg-deb -x \$d /tmp/x/\${d%%_*}; done'" \
  --customize-hook="cp '$here/pack-wheels.py' \"\$1/tmp/pack-wheels.py\" && chroot \"\$1\" python3 /tmp/pack-wheels.py /tmp/x /tmp/wheels >/dev/null" \
  --customize-hook="rm -rf '$wheels' && mkdir -p '$wheels' && cp \"\$1\"/tmp/wheels/*.whl '$wheels/' && rm -rf \"\$1\"/tmp/debs \"\$1\"/tmp/x \"\$1\"/tmp/wheels \"\$1\"/tmp/pack-wheels.py" \
  --customize-hook="printf '[global]\nno-index = true\nfind-links = /wheels\n' > \"\$1/etc/pip.conf\"" \
  bookworm "$work/rootfs.tar" "$mirror"
ctr=$(b from scratch)
b add "$ctr" "$work/rootfs.tar" / >/dev/null
b config --env PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin --env LANG=C.UTF-8 \
  --cmd python3 --label "org.shipshape.test.standin=$key" "$ctr"
b commit --quiet --rm "$ctr" "$image" >/dev/null
