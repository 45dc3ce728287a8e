# A service state machine driven by events: allowed transitions, rejected events, a history log.
TRANSITIONS = {
    "stopped": {"start": "starting"},
    "starting": {"ready": "running", "fail": "failed"},
    "running": {"stop": "stopping", "fail": "failed", "reload": "running"},
    "stopping": {"stopped": "stopped"},
    "failed": {"reset": "stopped"},
}


class InvalidTransition(Exception):
    pass


class Service:
    def __init__(self, name):
        self.name = name
        self.state = "stopped"
        self.history = [self.state]

    def handle(self, event):
        allowed = TRANSITIONS[self.state]
        if event not in allowed:
            raise InvalidTransition(f"{self.name}: cannot {event!r} while {self.state} (allowed: {', '.join(sorted(allowed))})")
        self.state = allowed[event]
        if self.history[-1] != self.state:
            self.history.append(self.state)
        return self.state


svc = Service("api")
events = ["start", "ready", "reload", "stop", "start", "stopped", "start", "fail", "stop", "reset"]
for event in events:
    try:
        print(" " * (8 - len(event)) + event, "->", svc.handle(event))
    except InvalidTransition as e:
        print("rejected:", e)
print(" > ".join(svc.history))
reachable = set()
frontier = ["stopped"]
while frontier:
    state = frontier.pop()
    if state in reachable:
        continue
    reachable.add(state)
    frontier.extend(TRANSITIONS[state].values())
print(sorted(reachable), len(reachable) == len(TRANSITIONS))
