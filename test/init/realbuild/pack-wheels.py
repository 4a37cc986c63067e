"""Packs Debian's installed Python distributions into wheels for the real-build test of `shipshape init`.

Runs inside the stand-in rootfs (Debian bookworm's python3). Argument 1 is a directory in which each
subdirectory is one extracted .deb (``dpkg-deb -x``); argument 2 receives the wheels. Each wheel holds the
package's files from usr/lib/python3/dist-packages and a dist-info made from its egg-info or dist-info
(METADATA, entry_points.txt, Requires-Dist from requires.txt), with a RECORD of sha256 hashes (PEP 427, PEP 376).
"""
import base64, hashlib, os, re, sys, zipfile

src, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)

def digest(data):
    return 'sha256=' + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=').decode()

for deb in sorted(os.listdir(src)):
    site = os.path.join(src, deb, 'usr/lib/python3/dist-packages')
    if not os.path.isdir(site):
        continue
    infos = [d for d in os.listdir(site) if d.endswith(('.egg-info', '.dist-info'))]
    if len(infos) != 1:
        sys.exit(f'{deb}: expected one metadata directory, found {infos}')
    info = os.path.join(site, infos[0])
    meta_path = os.path.join(info, 'PKG-INFO' if infos[0].endswith('.egg-info') else 'METADATA')
    meta = open(meta_path, encoding='utf-8').read()
    name = re.search(r'^Name: (.+)$', meta, re.M).group(1).strip()
    version = re.search(r'^Version: (.+)$', meta, re.M).group(1).strip()
    reqs = []
    req_file = os.path.join(info, 'requires.txt')
    if os.path.exists(req_file):
        for line in open(req_file, encoding='utf-8'):
            line = line.strip()
            if line.startswith('['):
                break  # extras and markers follow: not needed here
            if line:
                reqs.append(line)
    if 'Requires-Dist:' not in meta and reqs:
        head, sep, body = meta.partition('\n\n')
        meta = head + ''.join(f'\nRequires-Dist: {r}' for r in reqs) + sep + body
    norm = re.sub(r'[-_.]+', '_', name).lower()
    dist_info = f'{norm}-{version}.dist-info'
    files = {}
    for root, dirs, names in os.walk(site):
        dirs[:] = [d for d in dirs if os.path.join(root, d) != info and d != '__pycache__']
        for n in names:
            full = os.path.join(root, n)
            if os.path.islink(full):
                # Debian replaces bundled files by links into other packages (Django's jQuery comes from
                # libjs-jquery): take the file from whichever extracted package has it.
                target = os.path.normpath(os.path.join(root, os.readlink(full)))
                rel = os.path.relpath(target, os.path.join(src, deb))
                full = next((os.path.join(src, d, rel) for d in os.listdir(src) if os.path.isfile(os.path.join(src, d, rel))), None)
                if full is None:
                    sys.exit(f'{deb}: {os.path.join(root, n)} links to {rel}, which no extracted package has')
            files[os.path.relpath(os.path.join(root, n), site)] = open(full, 'rb').read()
    files[f'{dist_info}/METADATA'] = meta.encode()
    files[f'{dist_info}/WHEEL'] = b'Wheel-Version: 1.0\nGenerator: shipshape-test\nRoot-Is-Purelib: true\nTag: py3-none-any\n'
    ep = os.path.join(info, 'entry_points.txt')
    if os.path.exists(ep):
        files[f'{dist_info}/entry_points.txt'] = open(ep, 'rb').read()
    record = ''.join(f'{p},{digest(d)},{len(d)}\n' for p, d in sorted(files.items())) + f'{dist_info}/RECORD,,\n'
    files[f'{dist_info}/RECORD'] = record.encode()
    wheel = os.path.join(out, f'{norm}-{version}-py3-none-any.whl')
    with zipfile.ZipFile(wheel, 'w', zipfile.ZIP_DEFLATED) as z:
        for p, d in sorted(files.items()):
            z.writestr(zipfile.ZipInfo(p, date_time=(2020, 1, 1, 0, 0, 0)), d)
    print(os.path.basename(wheel))
