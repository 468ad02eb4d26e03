"""A real IMAP server for the tests: Debian's dovecot with a throwaway configuration in a
temporary folder, listening on loopback without TLS. Tests that need it skip, saying why,
where dovecot is not installed (`.ci/run` installs dovecot-imapd)."""

from __future__ import annotations

import getpass
import imaplib
import os
import pwd
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

DOVECOT = "/usr/sbin/dovecot"
PASSWORD = "mailbox-secret"


@dataclass
class Dovecot:
    directory: Path
    port: int
    process: subprocess.Popen | None = None

    def config(self) -> str:
        if os.geteuid() == 0:
            login_user, internal_user, mail_user = "dovenull", "dovecot", "dovecot"
        else:
            login_user = internal_user = mail_user = getpass.getuser()
        uid = pwd.getpwnam(mail_user).pw_uid
        return f"""
base_dir = {self.directory}/run
state_dir = {self.directory}/state
log_path = {self.directory}/dovecot.log
listen = 127.0.0.1
protocols = imap
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_login_user = {login_user}
default_internal_user = {internal_user}
first_valid_uid = {uid}
mail_location = maildir:{self.directory}/mail/%u
passdb {{
  driver = static
  args = password={PASSWORD}
}}
userdb {{
  driver = static
  args = uid={uid} gid={pwd.getpwnam(mail_user).pw_gid} home={self.directory}/home/%u
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
}}
"""

    def start(self) -> Dovecot:
        for name in ("run", "state", "mail", "home"):
            (self.directory / name).mkdir(parents=True, exist_ok=True)
        os.chmod(self.directory, 0o755)  # noqa: S103 - dovecot's users read their mail here
        if os.geteuid() == 0:
            owner = pwd.getpwnam("dovecot")
            for name in ("mail", "home"):
                os.chown(self.directory / name, owner.pw_uid, owner.pw_gid)
        config = self.directory / "dovecot.conf"
        config.write_text(self.config())
        self.process = subprocess.Popen(
            [DOVECOT, "-F", "-c", str(config)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return self
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.1)
        log = (
            (self.directory / "dovecot.log").read_text()
            if (self.directory / "dovecot.log").exists()
            else ""
        )
        raise RuntimeError(f"dovecot did not start: {log}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def append(self, user: str, message: bytes, folder: str = "INBOX") -> None:
        """Deliver a message into `user`'s folder with IMAP APPEND."""
        imap = imaplib.IMAP4("127.0.0.1", self.port, timeout=30)
        try:
            imap.login(user, PASSWORD)
            imap.create(folder)
            status, data = imap.append(folder, None, None, message)
            assert status == "OK", data
        finally:
            imap.logout()


def dovecot_available() -> str:
    """Return "" when dovecot can run here, else why not."""
    if not Path(DOVECOT).exists():
        return f"dovecot is not installed ({DOVECOT}); apt-get install dovecot-imapd"
    if shutil.which("doveconf", path="/usr/bin:/usr/sbin") is None:
        return "doveconf is missing: the dovecot installation is incomplete"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("dovecot")
            pwd.getpwnam("dovenull")
        except KeyError:
            return "the dovecot and dovenull users are missing"
    return ""
