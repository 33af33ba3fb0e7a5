//! Unit tests of the executor: whole programs through a session, on a pool of workers.
