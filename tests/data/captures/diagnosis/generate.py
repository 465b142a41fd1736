#!/usr/bin/env python3
"""Makes the failure captures that the diagnosis tests and the bundled samples rest on.

Every capture is a real conversation between Debian's programs, recorded by dumpcap on loopback:
eapol_test (wpa_supplicant's EAP peer with its RADIUS client) against a private FreeRADIUS 3.2
listening on 127.0.0.1, and for the EAPOL cases hostapd (wired driver, its own RADIUS/EAP server)
against wpa_supplicant across a veth pair between two network namespaces that this script creates
and removes. Certificates come from a throw-away PKI made here with the openssl command.

Run as root on Debian 12 with the packages of installer/packages-debian12.txt:
    tests/data/captures/diagnosis/generate.py [--only NAME ...] [--keep-temp]
It rewrites the .pcapng files beside it (and the shipped samples in resources/captures/); the
expected verdict and reasons of each conversation are in truth.tsv, written by hand from what
each case was built to show (the tests compare the diagnosis with it, never with this script).
Captures are not byte-reproducible (random challenges, times), so regenerate only on purpose.
"""
import argparse
import os
import pathlib
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
TOP = HERE.parents[3]
SAMPLES = TOP / "resources" / "captures"
RADDB = pathlib.Path("/etc/freeradius/3.0")
SECRET = "testing123"
PORT = 1812  # the registered RADIUS port, as a customer's capture would show it


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True, capture_output=True, **kw)


# --- PKI ---------------------------------------------------------------------------------

CA_CONF = """[ca]
default_ca = ca_default
[ca_default]
dir = {dir}
database = {dir}/index.txt
new_certs_dir = {dir}/new
serial = {dir}/serial
default_md = {md}
policy = policy_any
copy_extensions = copy
unique_subject = no
[policy_any]
commonName = supplied
organizationName = optional
countryName = optional
[server_ext]
basicConstraints = CA:FALSE
keyUsage = digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:{cn}
[client_ext]
basicConstraints = CA:FALSE
keyUsage = digitalSignature, keyEncipherment
extendedKeyUsage = clientAuth
"""


class Pki:
    """Two CAs (the one the peers trust and a stranger) and the leaf certificates of the cases."""

    def __init__(self, root: pathlib.Path):
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.make_ca("ca", "EapScope Test Root CA")
        self.make_ca("other-ca", "Unknown Corp Root CA")

    def make_ca(self, name, cn):
        key = self.root / f"{name}.key"
        run(["openssl", "genrsa", "-out", str(key), "2048"])
        run(["openssl", "req", "-x509", "-new", "-key", str(key), "-sha256", "-days", "3650",
             "-subj", f"/O=EapScope Tests/CN={cn}", "-out", str(self.root / f"{name}.pem")])

    def leaf(self, name, cn, ca="ca", kind="server", start=None, end=None, bits=2048, md="sha256"):
        d = self.root / f"{name}.d"
        (d / "new").mkdir(parents=True, exist_ok=True)
        (d / "index.txt").write_text("")
        (d / "serial").write_text("1000\n")
        conf = d / "ca.cnf"
        conf.write_text(CA_CONF.format(dir=d, md=md, cn=cn))
        key = self.root / f"{name}.key"
        csr = d / "req.csr"
        run(["openssl", "genrsa", "-out", str(key), str(bits)])
        run(["openssl", "req", "-new", "-key", str(key), "-subj", f"/O=EapScope Tests/CN={cn}",
             "-out", str(csr)])
        cmd = ["openssl", "ca", "-batch", "-config", str(conf), "-cert", str(self.root / f"{ca}.pem"),
               "-keyfile", str(self.root / f"{ca}.key"), "-in", str(csr), "-out",
               str(self.root / f"{name}.pem"), "-extensions", f"{kind}_ext", "-notext"]
        cmd += ["-startdate", start] if start else []
        cmd += ["-enddate", end] if end else ["-days", "825"]
        run(cmd)
        return self.root / f"{name}.pem", key


# --- FreeRADIUS --------------------------------------------------------------------------

def strip_blocks(text, keyword):
    """Removes every top-level-in-server `keyword { ... }` block (brace matched)."""
    out, i = [], 0
    pattern = re.compile(r"^[ \t]*" + keyword + r"\s*\{", re.M)
    while True:
        m = pattern.search(text, i)
        if not m:
            out.append(text[i:])
            return "".join(out)
        out.append(text[i:m.start()])
        depth, j = 0, m.end() - 1
        while True:
            if text[j] == "{":
                depth += 1
            elif text[j] == "}":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        i = j + 1


def set_option(text, key, value):
    """Sets every uncommented `key = …` line (inside any block) to value."""
    return re.sub(r"^([ \t]*)" + re.escape(key) + r"\s*=.*$", lambda m: f"{m.group(1)}{key} = {value}",
                  text, flags=re.M)


class FreeRadius:
    def __init__(self, work: pathlib.Path, users, eap=None, tls=None, cache=False, disable=(), env=None):
        self.dir = work / "raddb"
        shutil.copytree(RADDB, self.dir, symlinks=True)
        site = self.dir / "sites-available" / "default"
        text = site.read_text()
        first = text.index("listen {")
        head, rest = text[:first], text[first:]
        # Keep one auth listener on 127.0.0.1:PORT; every other listener goes (INTEROP.md).
        body = strip_blocks(rest, "listen")
        listen = f"listen {{\n\ttype = auth\n\tipaddr = 127.0.0.1\n\tport = {PORT}\n}}\n"
        site.write_text(head + listen + body)
        inner = self.dir / "sites-available" / "inner-tunnel"
        inner.write_text(strip_blocks(inner.read_text(), "listen"))
        conf = self.dir / "radiusd.conf"
        text = conf.read_text()
        text = set_option(text, "proxy_requests", "no")
        text = set_option(text, "reject_delay", "0")
        conf.write_text(text)
        authorize = self.dir / "mods-config" / "files" / "authorize"
        lines = [f'{u} Cleartext-Password := "{p}"' for u, p in users]
        authorize.write_text("\n".join(lines) + "\n\n" + authorize.read_text())
        eapconf = self.dir / "mods-available" / "eap"
        text = eapconf.read_text()
        for key, value in (eap or {}).items():
            text = set_option(text, key, value)
        if tls:
            text = set_option(text, "private_key_file", str(tls["key"]))
            text = set_option(text, "certificate_file", str(tls["cert"]))
            text = set_option(text, "ca_file", str(tls["ca"]))
        if cache:
            # tls-common's cache { enable = no } is the first uncommented `enable =` of the file.
            text = re.sub(r"^([ \t]*)enable = no", r"\1enable = yes", text, count=1, flags=re.M)
        for method in disable:
            text = strip_blocks(text, method)
        eapconf.write_text(text)
        # radiusd drops to freerad (INTEROP.md); dumpcap, which keeps no DAC override, writes
        # into the root-owned work folder beside it.
        subprocess.run(["chown", "-R", "freerad:freerad", str(self.dir)], check=True)
        os.chmod(work, 0o755)
        self.log = work / "radiusd.log"
        self.proc = subprocess.Popen(["freeradius", "-X", "-d", str(self.dir)],
                                     stdout=open(self.log, "w"), stderr=subprocess.STDOUT,
                                     env=dict(os.environ, **(env or {})))
        deadline = time.time() + 20
        while "Ready to process requests" not in self.log.read_text():
            if self.proc.poll() is not None or time.time() > deadline:
                sys.exit(f"freeradius did not start, see {self.log}:\n{self.log.read_text()[-3000:]}")
            time.sleep(0.05)

    def pause(self):
        self.proc.send_signal(signal.SIGSTOP)

    def stop(self):
        self.proc.send_signal(signal.SIGCONT)
        self.proc.terminate()
        self.proc.wait(10)


# --- capture -----------------------------------------------------------------------------

class Dumpcap:
    def __init__(self, out: pathlib.Path, interface="lo", bpf=f"udp port {PORT}", netns=None):
        self.out = out
        cmd = ["dumpcap", "-q", "-i", interface, "-f", bpf, "-w", str(out)]
        if netns:
            cmd = ["ip", "netns", "exec", netns] + cmd
        self.err = out.with_suffix(".dumpcap.log")
        self.proc = subprocess.Popen(cmd, stderr=open(self.err, "w"))
        deadline = time.time() + 10
        while "Capturing on" not in self.err.read_text():
            if self.proc.poll() is not None or time.time() > deadline:
                sys.exit(f"dumpcap did not start: {self.err.read_text()}")
            time.sleep(0.05)

    def stop(self):
        time.sleep(0.3)  # let the last packets reach the ring buffer
        self.proc.send_signal(signal.SIGINT)
        self.proc.wait(10)
        self.err.unlink()


# --- eapol_test --------------------------------------------------------------------------

def eapol_test(work, network, reauth=0, timeout=10, globals_="", env=None):
    conf = work / "eapol_test.conf"
    body = "\n".join(f"\t{k}={v}" for k, v in network.items())
    conf.write_text(f"{globals_}network={{\n\tkey_mgmt=IEEE8021X\n{body}\n}}\n")
    cmd = ["eapol_test", "-c", str(conf), "-a", "127.0.0.1", "-p", str(PORT), "-s", SECRET,
           "-t", str(timeout), "-n", "-M", "02:00:00:00:00:01"]
    if reauth:
        cmd += ["-r", str(reauth)]
    result = subprocess.run(cmd, text=True, capture_output=True, env=dict(os.environ, **(env or {})))
    (work / "eapol_test.log").write_text(result.stdout + result.stderr)
    return result.returncode, result.stdout


# --- EAPOL between hostapd and wpa_supplicant ----------------------------------------------

class Namespaces:
    """Two network namespaces joined by a veth pair: the authenticator's and the supplicant's."""

    def __init__(self, tag):
        self.auth, self.supp = f"eaps-{tag}-a", f"eaps-{tag}-s"
        for ns in (self.auth, self.supp):
            run(["ip", "netns", "add", ns])
        run(["ip", "link", "add", "veth-a", "netns", self.auth, "type", "veth", "peer", "name", "veth-s",
             "netns", self.supp])
        run(["ip", "-n", self.auth, "link", "set", "veth-a", "address", "02:00:00:00:0a:01", "up"])
        run(["ip", "-n", self.supp, "link", "set", "veth-s", "address", "02:00:00:00:05:01", "up"])

    def remove(self):
        for ns in (self.auth, self.supp):
            subprocess.run(["ip", "netns", "del", ns], check=False)


def eapol_case(name, users, network, tls=None, out_dir=HERE, seconds=4):
    def go(work):
        nets = Namespaces(name[:6])
        procs = []
        try:
            (work / "hostapd.eap_user").write_text(users)
            conf = [f"interface=veth-a", "driver=wired", "ieee8021x=1", "eapol_version=2", "eap_server=1",
                    f"eap_user_file={work / 'hostapd.eap_user'}", "logger_stdout=-1", "logger_stdout_level=0"]
            if tls:
                conf += [f"ca_cert={tls['ca']}", f"server_cert={tls['cert']}", f"private_key={tls['key']}"]
            (work / "hostapd.conf").write_text("\n".join(conf) + "\n")
            body = "\n".join(f"\t{k}={v}" for k, v in network.items())
            (work / "wpa_supplicant.conf").write_text(
                f"ap_scan=0\nnetwork={{\n\tkey_mgmt=IEEE8021X\n\teapol_flags=0\n{body}\n}}\n")
            cap = Dumpcap(work / "capture.pcapng", interface="veth-a", bpf="ether proto 0x888e",
                          netns=nets.auth)
            procs.append(subprocess.Popen(["ip", "netns", "exec", nets.auth, "hostapd", str(work / "hostapd.conf")],
                                          stdout=open(work / "hostapd.log", "w"), stderr=subprocess.STDOUT))
            time.sleep(0.5)
            procs.append(subprocess.Popen(["ip", "netns", "exec", nets.supp, "wpa_supplicant", "-D", "wired",
                                           "-i", "veth-s", "-c", str(work / "wpa_supplicant.conf"), "-dd"],
                                          stdout=open(work / "wpa_supplicant.log", "w"), stderr=subprocess.STDOUT))
            time.sleep(seconds)
            procs[1].terminate()  # wpa_supplicant sends EAPOL-Logoff as it leaves
            procs[1].wait(10)
            cap.stop()
        finally:
            for p in procs:
                if p.poll() is None:
                    p.terminate()
                    p.wait(10)
            nets.remove()
        out = out_dir / f"{name}.pcapng"
        shutil.copyfile(work / "capture.pcapng", out)
        print(f"{out.relative_to(TOP)}: EAPOL between hostapd and wpa_supplicant")
    return go


def q(s):
    return f'"{s}"'


# --- the cases ---------------------------------------------------------------------------

USERS = [("alice", "password"), ("bob", "hunter2")]

WEAK_OPENSSL_CONF = """openssl_conf = default_conf
[default_conf]
ssl_conf = ssl_sect
[ssl_sect]
system_default = system_default_sect
[system_default_sect]
CipherString = DEFAULT@SECLEVEL=0
"""


def radius_case(name, network, expect_rc, pki, out_dir=HERE, eap=None, tls=None, cache=False,
                disable=(), reauth=0, pause_after=None, timeout=10, globals_="", weak=False):
    def go(work):
        env = {}
        if weak:
            # OpenSSL 3 refuses a 1024-bit, SHA-1 certificate at its default security level 2,
            # on both sides: lower it for this case only, as an old deployment would have it.
            conf = work / "openssl-seclevel0.cnf"
            conf.write_text(WEAK_OPENSSL_CONF)
            env = {"OPENSSL_CONF": str(conf)}
        server = FreeRadius(work, USERS, eap=eap, tls=tls, cache=cache, disable=disable, env=env)
        out = out_dir / f"{name}.pcapng"
        cap = Dumpcap(work / "capture.pcapng")
        try:
            if pause_after is not None:
                # A server that stops answering: it is frozen once it has answered this many times.
                pid = os.fork()
                if pid == 0:
                    deadline = time.time() + timeout
                    while time.time() < deadline:
                        n = server.log.read_text().count("Sent Access-Challenge")
                        if n >= pause_after:
                            os.kill(server.proc.pid, signal.SIGSTOP)
                            break
                        time.sleep(0.005)
                    os._exit(0)
                rc, _ = eapol_test(work, network, reauth=reauth, timeout=timeout, globals_=globals_, env=env)
                os.waitpid(pid, 0)
            else:
                rc, _ = eapol_test(work, network, reauth=reauth, timeout=timeout, globals_=globals_, env=env)
        finally:
            cap.stop()
            server.stop()
        if rc not in expect_rc:
            sys.exit(f"{name}: eapol_test exited {rc}, expected {expect_rc}; see {work}")
        shutil.copyfile(work / "capture.pcapng", out)
        print(f"{out.relative_to(TOP)}: eapol_test rc={rc}")
    return go


def cases(pki_dir):
    pki = Pki(pki_dir)
    good_cert, good_key = pki.leaf("server", "radius.example.test")
    expired = pki.leaf("server-expired", "radius.example.test", start="20240101000000Z",
                       end="20251101000000Z")
    future = pki.leaf("server-future", "radius.example.test", start="20300101000000Z",
                      end="20320101000000Z")
    weak = pki.leaf("server-weak", "radius.example.test", bits=1024, md="sha1")
    client = pki.leaf("client", "alice", kind="client")
    stranger_client = pki.leaf("client-stranger", "mallory", ca="other-ca", kind="client")
    subprocess.run(["chown", "-R", "freerad:freerad", str(pki.root)], check=True)  # radiusd reads its key
    ca = pki.root / "ca.pem"
    other_ca = pki.root / "other-ca.pem"

    def tls(cert_key):
        return {"cert": cert_key[0], "key": cert_key[1], "ca": ca}

    server_tls = tls((good_cert, good_key))
    peap = {"eap": "PEAP", "identity": q("alice"), "anonymous_identity": q("anonymous"),
            "password": q("password"), "phase2": q("auth=MSCHAPV2"), "ca_cert": q(ca)}
    ttls = {"eap": "TTLS", "identity": q("alice"), "anonymous_identity": q("anonymous"),
            "password": q("password"), "phase2": q("auth=PAP"), "ca_cert": q(ca)}
    eap_tls = {"eap": "TLS", "identity": q("alice"), "ca_cert": q(ca), "client_cert": q(client[0]),
               "private_key": q(client[1])}
    # Allow the weak certificate to be sent and seen at all (OpenSSL 3's default level 2 refuses it).
    low = {"cipher_list": q("DEFAULT@SECLEVEL=0")}
    return {
        "md5-wrong-password": radius_case("md5-wrong-password", {
            "eap": "MD5", "identity": q("alice"), "password": q("wrong")}, {253}, pki),
        "gtc-wrong-password": radius_case("gtc-wrong-password", {
            "eap": "GTC", "identity": q("alice"), "password": q("wrong")}, {253}, pki),
        "mschapv2-wrong-password": radius_case("mschapv2-wrong-password", {
            "eap": "MSCHAPV2", "identity": q("alice"), "password": q("wrong")}, {252, 253}, pki),
        "peap-wrong-password": radius_case("peap-wrong-password", dict(peap, password=q("wrong")),
                                           {252, 253}, pki, tls=server_tls),
        "ttls-pap-wrong-password": radius_case("ttls-pap-wrong-password", dict(ttls, password=q("wrong")),
                                               {252, 253}, pki, tls=server_tls),
        "tls-server-cert-expired": radius_case("tls-server-cert-expired", eap_tls, {252, 253, 254}, pki,
                                               tls=tls(expired), timeout=5),
        "tls-server-cert-not-yet-valid": radius_case("tls-server-cert-not-yet-valid", eap_tls,
                                                     {252, 253, 254}, pki, tls=tls(future), timeout=5),
        "tls-server-cert-untrusted": radius_case("tls-server-cert-untrusted",
                                                 dict(eap_tls, ca_cert=q(other_ca)), {252, 253, 254}, pki,
                                                 tls=server_tls, timeout=5),
        "tls-client-cert-refused": radius_case("tls-client-cert-refused",
                                               dict(eap_tls, client_cert=q(stranger_client[0]),
                                                    private_key=q(stranger_client[1])),
                                               {252, 253, 254}, pki, tls=server_tls, timeout=5),
        "tls-no-shared-cipher": radius_case("tls-no-shared-cipher", eap_tls, {252, 253, 254}, pki,
                                            tls=server_tls, eap={"cipher_list": q("AES128-SHA")},
                                            globals_="openssl_ciphers=ECDHE-RSA-AES256-GCM-SHA384\n",
                                            timeout=5),
        "tls-no-shared-version": radius_case("tls-no-shared-version", dict(eap_tls, phase1=q("tls_disable_tlsv1_2=1 tls_disable_tlsv1_3=1 tls_disable_tlsv1_0=0 tls_disable_tlsv1_1=0")),
                                             {252, 253, 254}, pki, tls=server_tls, timeout=5),
        "tls-weak-server-cert": radius_case("tls-weak-server-cert",
                                            dict(eap_tls, phase1=q("tls_disable_tlsv1_3=1")),
                                            {252, 253}, pki, tls=tls(weak), eap=low, weak=True, timeout=5),
        # eapol_test -r 1: a re-authentication inside one capture (a second, full handshake: neither
        # eapol_test 2.10 nor FreeRADIUS 3.2 with its cache on resumed here).
        "tls-reauthentication": radius_case("tls-reauthentication", eap_tls, {0}, pki, tls=server_tls,
                                            reauth=1),
        "gtc-after-nak": radius_case("gtc-after-nak", {
            "eap": "GTC", "identity": q("alice"), "password": q("password")}, {0}, pki),
        "nak-no-common-method": radius_case("nak-no-common-method", dict(ttls), {252, 253, 254}, pki,
                                            tls=server_tls, disable=("ttls",), timeout=5),
        "peap-no-response": radius_case("peap-no-response", {
            "eap": "PEAP", "identity": q("alice"), "password": q("password"), "ca_cert": q(ca)},
            {254}, pki, tls=server_tls, pause_after=2, timeout=6),
        "eapol-md5-wrong-password": eapol_case("eapol-md5-wrong-password", '"alice" MD5 "password"\n', {
            "eap": "MD5", "identity": q("alice"), "password": q("wrong")}),
        "eapol-peap-success": eapol_case("eapol-peap-success",
                                         '* PEAP\n"alice" MSCHAPV2 "password" [2]\n',
                                         dict(peap), tls=server_tls),
        "peap-mschapv2-success": radius_case("peap-mschapv2-success", peap, {0}, pki, out_dir=SAMPLES,
                                             tls=server_tls),
        "md5-wrong-password-sample": radius_case("eap-md5-wrong-password", {
            "eap": "MD5", "identity": q("bob"), "password": q("hunter3")}, {253}, pki, out_dir=SAMPLES),
        "tls-expired-sample": radius_case("eap-tls-server-cert-expired", eap_tls, {252, 253, 254}, pki,
                                          out_dir=SAMPLES, tls=tls(expired), timeout=5),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*")
    parser.add_argument("--keep-temp", action="store_true")
    args = parser.parse_args()
    if os.geteuid() != 0:
        sys.exit("run as root: FreeRADIUS drops to freerad and dumpcap needs the loopback interface")
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.bind(("127.0.0.1", PORT))
        except OSError:
            sys.exit(f"UDP port {PORT} on 127.0.0.1 is busy: stop whatever holds it (a system FreeRADIUS?)")
    SAMPLES.mkdir(parents=True, exist_ok=True)
    temp = pathlib.Path(tempfile.mkdtemp(prefix="eapscope-captures-"))
    os.chmod(temp, 0o755)
    try:
        all_cases = cases(temp / "pki")
        for name, go in all_cases.items():
            if args.only and name not in args.only:
                continue
            work = temp / name
            work.mkdir()
            go(work)
    finally:
        if args.keep_temp:
            print(f"kept {temp}")
        else:
            shutil.rmtree(temp, ignore_errors=True)


if __name__ == "__main__":
    main()
