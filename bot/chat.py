"""A conversation in the terminal on the same engine as Telegram: no token, no network."""

from __future__ import annotations

import sys
from typing import TextIO

from bot.answering import Reply
from bot.engine import Engine
from bot.reloading import Reloader
from bot.replies import render_plain, topics_plain

HELP = """Ask a question about the news in your own words, e.g. "When was the launch ceremony?".
When I'm unsure I list numbered choices: reply with the number.
Commands: /topics (the articles I know), /help, /quit"""


class TerminalChat:
    """Reads questions line by line; prompts only when a person is typing."""

    def __init__(self, engine: Engine, stdin: TextIO, stdout: TextIO, interactive: bool) -> None:
        self.engine = engine
        self.stdin = stdin
        self.stdout = stdout
        self.interactive = interactive
        self.choices: tuple[str, ...] = ()
        self.reloader = Reloader(engine)

    def say(self, text: str) -> None:
        self.stdout.write(text + "\n")
        self.stdout.flush()

    def run(self) -> int:
        if self.interactive:
            articles = len(self.engine.knowledge.live_articles)
            self.say(
                f"Newsbot: ask me about the news ({articles} article(s) loaded). /help for help."
            )
        while True:
            if self.interactive:
                self.stdout.write("you> ")
                self.stdout.flush()
            line = self.stdin.readline()
            if not line:  # end of input
                if self.interactive:
                    self.say("")
                return 0
            if not self.handle(line.strip()):
                return 0

    def handle(self, line: str) -> bool:
        """Answer one line; False when the user asked to leave."""
        if not line:
            return True
        command = line.split()[0].lower()
        if command in ("/quit", "/exit", "/q"):
            if self.interactive:
                self.say("Bye.")
            return False
        if command in ("/help", "/start"):
            self.say(HELP)
            return True
        if command == "/topics":
            self.say(topics_plain(self.engine.knowledge.live_articles))
            return True
        if line.isdigit() and self.choices:
            self.pick(int(line))
            return True
        outcome = self.reloader.check_now()
        if outcome is not None and outcome.status == "refused" and self.reloader.alert_due:
            for problem in outcome.problems:
                print(problem.format(), file=sys.stderr)
            print("(knowledge not reloaded; still answering from the last good version)",
                  file=sys.stderr)  # fmt: skip
        reply = self.engine.ask(line)
        self.show(reply)
        return True

    def pick(self, number: int) -> None:
        if not 1 <= number <= len(self.choices):
            self.say(f"Choose a number from 1 to {len(self.choices)}, or ask a new question.")
            return
        reply = self.engine.choose(self.choices[number - 1])
        if reply is None:
            self.say("That choice is no longer available; please ask again.")
        else:
            self.show(reply)

    def show(self, reply: Reply) -> None:
        self.choices = tuple(c.entry.id for c in reply.choices)
        self.say(render_plain(reply, self.engine.knowledge) + "\n")
