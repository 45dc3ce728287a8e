/// `concurrent.futures` (LANGUAGE.md §8.6): `ThreadPoolExecutor`, `Future`, `as_completed`,
/// `wait`, written in the Python subset over `threading`. The package `concurrent` itself is
/// empty; importing `concurrent.futures` makes it the package's `futures` attribute.
enum ConcurrentFuturesModule {
  static let packageSource = #"""
    """Execute computations concurrently (the package of concurrent.futures)."""
    """#

  static let source = #"""
    """Execute computations asynchronously using threads."""

    import os
    import sys
    import threading
    import time

    FIRST_COMPLETED = "FIRST_COMPLETED"
    FIRST_EXCEPTION = "FIRST_EXCEPTION"
    ALL_COMPLETED = "ALL_COMPLETED"

    # Future states. A cancelled future is done at once (CPython waits for a worker to notice).
    _PENDING = "PENDING"
    _RUNNING = "RUNNING"
    _CANCELLED = "CANCELLED"
    _FINISHED = "FINISHED"


    class Error(Exception):
        """Base class for all future-related exceptions."""
        __module__ = "concurrent.futures._base"


    class CancelledError(Error):
        """The Future was cancelled."""
        __module__ = "concurrent.futures._base"


    class InvalidStateError(Error):
        """The operation is not allowed in this state."""
        __module__ = "concurrent.futures._base"


    class BrokenExecutor(RuntimeError):
        """The executor has become non-functional."""
        __module__ = "concurrent.futures._base"


    class BrokenThreadPool(BrokenExecutor):
        """A worker thread's initializer failed."""
        __module__ = "concurrent.futures.thread"


    # The common base stays in concurrent.futures._base in CPython; it is not a name of this module.
    del Error

    # As in CPython 3.11, the module's TimeoutError is the built-in one.
    TimeoutError = TimeoutError


    class _Waiter:
        """Collects the futures that finish while as_completed() or wait() is waiting."""

        def __init__(self):
            self.event = threading.Event()
            self.finished = []

        def add(self, future):
            self.finished.append(future)
            self.event.set()


    class Future:
        """The result of a call that runs (or will run) on another thread."""
        __module__ = "concurrent.futures._base"

        def __init__(self):
            self._lock = threading.RLock()
            self._done_event = threading.Event()
            self._state = _PENDING
            self._result = None
            self._exception = None
            self._waiters = []
            self._done_callbacks = []

        def __repr__(self):
            with self._lock:
                if self._state == _FINISHED:
                    if self._exception is not None:
                        outcome = "raised " + type(self._exception).__name__
                    else:
                        outcome = "returned " + type(self._result).__name__
                    return f"<Future at {id(self):#x} state=finished {outcome}>"
                return f"<Future at {id(self):#x} state={self._state.lower()}>"

        def cancel(self):
            """Cancels the call if it has not started; True if the future is (now) cancelled."""
            with self._lock:
                if self._state in (_RUNNING, _FINISHED):
                    return False
                if self._state == _CANCELLED:
                    return True
                self._state = _CANCELLED
                self._finish()
            self._invoke_callbacks()
            return True

        def cancelled(self):
            return self._state == _CANCELLED

        def running(self):
            return self._state == _RUNNING

        def done(self):
            return self._state in (_CANCELLED, _FINISHED)

        def _outcome(self):
            if self._state == _CANCELLED:
                raise CancelledError()
            if self._exception is not None:
                raise self._exception
            return self._result

        def _wait_until_done(self, timeout):
            if not self.done():
                self._done_event.wait(timeout)
            if not self.done():
                raise TimeoutError()

        def result(self, timeout=None):
            """The call's return value, waiting up to timeout seconds; re-raises its exception."""
            self._wait_until_done(timeout)
            return self._outcome()

        def exception(self, timeout=None):
            """The exception the call raised (None if it returned), waiting up to timeout seconds."""
            self._wait_until_done(timeout)
            if self._state == _CANCELLED:
                raise CancelledError()
            return self._exception

        def add_done_callback(self, fn):
            """Calls fn(future) when the future is done (at once if it already is)."""
            with self._lock:
                if not self.done():
                    self._done_callbacks.append(fn)
                    return
            self._call_callback(fn)

        def set_running_or_notify_cancel(self):
            """For executors: marks the future running; False if it was cancelled."""
            with self._lock:
                if self._state == _CANCELLED:
                    return False
                if self._state == _PENDING:
                    self._state = _RUNNING
                    return True
                raise RuntimeError("Future in unexpected state")

        def set_result(self, result):
            with self._lock:
                if self._state in (_CANCELLED, _FINISHED):
                    raise InvalidStateError(f"{self._state}: {self!r}")
                self._result = result
                self._state = _FINISHED
                self._finish()
            self._invoke_callbacks()

        def set_exception(self, exception):
            with self._lock:
                if self._state in (_CANCELLED, _FINISHED):
                    raise InvalidStateError(f"{self._state}: {self!r}")
                self._exception = exception
                self._state = _FINISHED
                self._finish()
            self._invoke_callbacks()

        def _finish(self):
            # Called with the lock held, once the state is final.
            self._done_event.set()
            for waiter in self._waiters:
                waiter.add(self)

        def _invoke_callbacks(self):
            callbacks = self._done_callbacks
            self._done_callbacks = []
            for fn in callbacks:
                self._call_callback(fn)

        def _call_callback(self, fn):
            try:
                fn(self)
            except Exception as error:
                # CPython logs this through logging; the message is the same.
                print(f"exception calling callback for {self!r}", file=sys.stderr)
                print(f"{type(error).__name__}: {error}", file=sys.stderr)

        def _add_waiter(self, waiter):
            # True when the future was already done (the waiter is then not registered).
            with self._lock:
                if self.done():
                    return True
                self._waiters.append(waiter)
                return False

        def _remove_waiter(self, waiter):
            with self._lock:
                if waiter in self._waiters:
                    self._waiters.remove(waiter)


    class DoneAndNotDoneFutures:
        """wait()'s result: the named pair (done, not_done) of sets."""
        __module__ = "concurrent.futures._base"

        def __init__(self, done, not_done):
            self.done = done
            self.not_done = not_done

        def __iter__(self):
            return iter((self.done, self.not_done))

        def __len__(self):
            return 2

        def __getitem__(self, index):
            return (self.done, self.not_done)[index]

        def __eq__(self, other):
            if isinstance(other, DoneAndNotDoneFutures):
                other = (other.done, other.not_done)
            return (self.done, self.not_done) == other

        def __repr__(self):
            return f"DoneAndNotDoneFutures(done={self.done!r}, not_done={self.not_done!r})"


    def _unique(fs):
        # The futures in the order given, each once (CPython makes a set; this keeps the order).
        unique = []
        seen = set()
        for future in fs:
            if id(future) not in seen:
                seen.add(id(future))
                unique.append(future)
        return unique


    def _deadline(timeout):
        return None if timeout is None else time.monotonic() + timeout


    def _remaining(deadline):
        return None if deadline is None else max(0.0, deadline - time.monotonic())


    def wait(fs, timeout=None, return_when=ALL_COMPLETED):
        """Waits until return_when holds for the futures; returns the sets (done, not_done)."""
        fs = _unique(fs)
        deadline = _deadline(timeout)
        waiter = _Waiter()
        pending = [f for f in fs if not f._add_waiter(waiter)]
        try:
            while True:
                finished = [f for f in fs if f.done()]
                if return_when == FIRST_COMPLETED and finished:
                    break
                if return_when == FIRST_EXCEPTION and any(
                        not f.cancelled() and f._exception is not None for f in finished):
                    break
                if len(finished) == len(fs):
                    break
                # As in CPython, the condition is only checked when there is something to wait for.
                if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
                    raise ValueError(f"Invalid return condition: {return_when!r}")
                left = _remaining(deadline)
                if left == 0.0:
                    break
                waiter.event.wait(left)
                waiter.event.clear()
        finally:
            for f in pending:
                f._remove_waiter(waiter)
        done = set(f for f in fs if f.done())
        return DoneAndNotDoneFutures(done, set(f for f in fs if not f.done()))


    class _AsCompleted:
        """as_completed()'s iterator: the done futures first, then each as it finishes."""

        def __init__(self, fs, timeout):
            self._futures = _unique(fs)
            self._total = len(self._futures)
            self._deadline = _deadline(timeout)
            self._waiter = _Waiter()
            self._ready = []
            self._pending = []
            for future in self._futures:
                if future._add_waiter(self._waiter):
                    self._ready.append(future)
                else:
                    self._pending.append(future)

        def __iter__(self):
            return self

        def __next__(self):
            while not self._ready:
                if not self._pending:
                    raise StopIteration
                self._collect()
                if self._ready:
                    break
                left = _remaining(self._deadline)
                if left == 0.0:
                    self._stop()
                    raise TimeoutError(f"{len(self._pending)} (of {self._total}) futures unfinished")
                self._waiter.event.wait(left)
            return self._ready.pop(0)

        def _collect(self):
            self._waiter.event.clear()
            finished = self._waiter.finished
            self._waiter.finished = []
            for future in finished:
                if future in self._pending:
                    self._pending.remove(future)
                    self._ready.append(future)

        def _stop(self):
            for future in self._pending:
                future._remove_waiter(self._waiter)


    def as_completed(fs, timeout=None):
        """An iterator over the futures that yields each one as it completes."""
        return _AsCompleted(fs, timeout)


    class Executor:
        """The base of executors: submit(), map(), shutdown() and the with statement."""
        __module__ = "concurrent.futures._base"

        def submit(self, fn, /, *args, **kwargs):
            raise NotImplementedError()

        def map(self, fn, *iterables, timeout=None, chunksize=1):
            """Like map(fn, *iterables), the calls running concurrently; results in order."""
            deadline = _deadline(timeout)
            futures = [self.submit(fn, *args) for args in zip(*iterables)]
            return _MapResults(futures, deadline)

        def shutdown(self, wait=True, *, cancel_futures=False):
            pass

        def __enter__(self):
            return self

        def __exit__(self, exc_type, exc_val, exc_tb):
            self.shutdown(wait=True)
            return False


    class _MapResults:
        """map()'s iterator; when a result raises (or times out) the calls not started are cancelled."""

        def __init__(self, futures, deadline):
            self._futures = futures
            self._deadline = deadline

        def __iter__(self):
            return self

        def __next__(self):
            if not self._futures:
                raise StopIteration
            future = self._futures.pop(0)
            try:
                return future.result(_remaining(self._deadline))
            except BaseException:
                future.cancel()
                for rest in self._futures:
                    rest.cancel()
                self._futures = []
                raise


    class _WorkItem:
        def __init__(self, future, fn, args, kwargs):
            self.future = future
            self.fn = fn
            self.args = args
            self.kwargs = kwargs

        def run(self):
            if not self.future.set_running_or_notify_cancel():
                return
            try:
                result = self.fn(*self.args, **self.kwargs)
            except BaseException as error:
                self.future.set_exception(error)
            else:
                self.future.set_result(result)


    class _WorkQueue:
        """A FIFO of work items for the workers; None tells a worker to check for shutdown."""

        def __init__(self):
            self._items = []
            self._lock = threading.Lock()
            self._available = threading.Semaphore(0)

        def put(self, item):
            with self._lock:
                self._items.append(item)
            self._available.release()

        def get(self):
            self._available.acquire()
            with self._lock:
                # Empty after drain(): the count outlived the items; behave as a wake-up.
                return self._items.pop(0) if self._items else None

        def drain(self):
            with self._lock:
                items = [item for item in self._items if item is not None]
                self._items = [item for item in self._items if item is None]
            return items


    # Set when the script ends: idle workers then leave, and new work is refused.
    _interpreter_shutdown = False
    _global_lock = threading.Lock()
    # (thread, queue) of every live worker, for the exit hook.
    _live_workers = []


    def _python_exit():
        global _interpreter_shutdown
        with _global_lock:
            _interpreter_shutdown = True
            workers = list(_live_workers)
        for thread, queue in workers:
            queue.put(None)
        for thread, queue in workers:
            thread.join()


    threading._register_atexit(_python_exit)


    def _worker(executor, queue, initializer, initargs):
        if initializer is not None:
            try:
                initializer(*initargs)
            except BaseException as error:
                print(f"Exception in initializer: {type(error).__name__}: {error}", file=sys.stderr)
                executor._initializer_failed()
                _forget_worker()
                return
        while True:
            item = queue.get()
            if item is not None:
                item.run()
                item = None
                executor._idle.release()
                continue
            if _interpreter_shutdown or executor._shutdown:
                # Pass the wake-up on to the next worker.
                queue.put(None)
                _forget_worker()
                return


    def _forget_worker():
        current = threading.current_thread()
        with _global_lock:
            for entry in _live_workers:
                if entry[0] is current:
                    _live_workers.remove(entry)
                    break


    class ThreadPoolExecutor(Executor):
        """Runs calls on a pool of at most max_workers threads, started as needed."""
        __module__ = "concurrent.futures.thread"

        _counter = 0

        def __init__(self, max_workers=None, thread_name_prefix="", initializer=None, initargs=()):
            if max_workers is None:
                max_workers = min(32, (os.cpu_count() or 1) + 4)
            if max_workers <= 0:
                raise ValueError("max_workers must be greater than 0")
            if initializer is not None and not callable(initializer):
                raise TypeError("initializer must be a callable")
            self._max_workers = max_workers
            self._queue = _WorkQueue()
            self._idle = threading.Semaphore(0)
            self._threads = []
            self._broken = False
            self._shutdown = False
            self._shutdown_lock = threading.Lock()
            if not thread_name_prefix:
                thread_name_prefix = f"ThreadPoolExecutor-{ThreadPoolExecutor._counter}"
                ThreadPoolExecutor._counter += 1
            self._thread_name_prefix = thread_name_prefix
            self._initializer = initializer
            self._initargs = initargs

        def submit(self, fn, /, *args, **kwargs):
            """Schedules fn(*args, **kwargs); returns its Future."""
            with self._shutdown_lock:
                if self._broken:
                    raise BrokenThreadPool(self._broken)
                if self._shutdown:
                    raise RuntimeError("cannot schedule new futures after shutdown")
                if _interpreter_shutdown:
                    raise RuntimeError("cannot schedule new futures after interpreter shutdown")
                future = Future()
                self._queue.put(_WorkItem(future, threading._on_effective_session(fn), args, kwargs))
                self._adjust_thread_count()
                return future

        def _adjust_thread_count(self):
            # An idle worker takes the new item; otherwise start one, up to max_workers.
            if self._idle.acquire(timeout=0):
                return
            if len(self._threads) < self._max_workers:
                name = f"{self._thread_name_prefix}_{len(self._threads)}"
                thread = threading.Thread(
                    name=name, target=_worker, args=(self, self._queue, self._initializer, self._initargs))
                thread.start()
                self._threads.append(thread)
                with _global_lock:
                    _live_workers.append((thread, self._queue))

        def _initializer_failed(self):
            with self._shutdown_lock:
                self._broken = "A thread initializer failed, the thread pool is not usable anymore"
                for item in self._queue.drain():
                    item.future.set_exception(BrokenThreadPool(self._broken))

        def shutdown(self, wait=True, *, cancel_futures=False):
            """Stops accepting work; with wait, returns when the running calls are done."""
            with self._shutdown_lock:
                self._shutdown = True
                if cancel_futures:
                    for item in self._queue.drain():
                        item.future.cancel()
                self._queue.put(None)
            if wait:
                for thread in self._threads:
                    thread.join()
    """#
}
