"""Real SMTP servers on free ports, for the tests and the mail fault drill.

`working` speaks enough SMTP for smtplib and keeps what it receives; `refusing` answers every
connection with 554 and hangs up; `hung` accepts connections and never says a word. Set a
server's `kind` to change how it treats the next connections (the fault drill does).
"""

import contextlib
import email
import email.policy
import socketserver
import threading


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, kind):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.kind = kind
        self.port = self.server_address[1]
        self.closing = threading.Event()
        self.lock = threading.Lock()
        self.messages = []  # (envelope recipients, email.message.EmailMessage)
        self.connections = 0  # how many clients have connected, whatever was said


class _Handler(socketserver.StreamRequestHandler):
    def handle(self):
        with self.server.lock:
            self.server.connections += 1
        getattr(self, self.server.kind)()

    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")

    def working(self):
        self.reply("220 localhost ESMTP test server")
        recipients = []
        while line := self.rfile.readline():
            verb = line.split(b" ", 1)[0].split(b":", 1)[0].strip().upper()
            if verb in (b"EHLO", b"HELO"):
                self.reply("250 localhost")
            elif verb == b"MAIL":
                recipients = []
                self.reply("250 OK")
            elif verb == b"RCPT":
                recipients.append(line.split(b":", 1)[1].strip().strip(b"<>").decode())
                self.reply("250 OK")
            elif verb == b"DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                lines = []
                while (data := self.rfile.readline()) not in (b".\r\n", b""):
                    lines.append(data[1:] if data.startswith(b"..") else data)
                message = email.message_from_bytes(b"".join(lines), policy=email.policy.default)
                with self.server.lock:
                    self.server.messages.append((recipients, message))
                self.reply("250 OK queued")
            elif verb == b"QUIT":
                self.reply("221 Bye")
                return
            elif verb in (b"RSET", b"NOOP"):
                self.reply("250 OK")
            else:
                self.reply("502 Command not implemented")

    def refusing(self):
        self.reply("554 No SMTP service here")

    def hung(self):
        self.server.closing.wait()  # say nothing until the server stops


def start(kind):
    """Start a server of that kind in a thread; stop it with `stop(server)`."""
    server = _Server(kind)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def stop(server):
    server.closing.set()
    server.shutdown()
    server.server_close()


@contextlib.contextmanager
def smtp_server(kind):
    server = start(kind)
    try:
        yield server
    finally:
        stop(server)


def use_smtp(settings, server, *, timeout=5):
    """Point Django's mail at the server, the way EMAIL_URL=smtp://127.0.0.1:<port> does."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = timeout
