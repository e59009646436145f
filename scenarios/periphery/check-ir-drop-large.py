#!/usr/bin/env python3
"""The fast IR-drop solver (org.xbarsim.engine.wire.IrDrop, written again here from its javadoc) against
the exact nodal solution (SciPy's sparse direct solve) on the MNIST tiles' geometry: 256 rows of 1,024
devices (256 four-device cells), conductances exponential with a 3 uS mean, half the rows driven at up
to 0.2 V. Too large for a unit test; the unit tests check up to 64x64 with Commons Math CG. Prints, per
wire resistance, the column drops and the fast solver's error. Needs numpy and scipy; about a minute.
"""
import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as spl


def exact(g, x, rw, rb):
    """Bit-line currents into the sense nodes: Kirchhoff's law at every word- and bit-line node."""
    rows, n = g.shape
    size = rows * n
    w = np.arange(size).reshape(rows, n)
    b = w + size
    r, c, v = [], [], []

    def add(i, j, val):
        r.append(i.ravel())
        c.append(j.ravel())
        v.append(np.broadcast_to(val, i.shape).ravel())

    gw, gb = 1 / rw, 1 / rb
    add(w, w, gw * np.ones((rows, n)))                       # segment to the left neighbour or driver
    add(w[:, 1:], w[:, :-1], -gw * np.ones((rows, n - 1)))
    add(w[:, :-1], w[:, :-1], gw * np.ones((rows, n - 1)))  # segment to the right neighbour
    add(w[:, :-1], w[:, 1:], -gw * np.ones((rows, n - 1)))
    add(w, w, g); add(w, b, -g); add(b, b, g); add(b, w, -g)  # the devices
    add(b, b, gb * np.ones((rows, n)))                       # segment below, or to the sense node
    add(b[:-1, :], b[1:, :], -gb * np.ones((rows - 1, n)))
    add(b[1:, :], b[1:, :], gb * np.ones((rows - 1, n)))    # segment above
    add(b[1:, :], b[:-1, :], -gb * np.ones((rows - 1, n)))
    a = sp.csr_matrix((np.concatenate(v), (np.concatenate(r), np.concatenate(c))), shape=(2 * size, 2 * size))
    rhs = np.zeros(2 * size)
    rhs[w[:, 0]] = gw * x
    volts = spl.spsolve(a.tocsc(), rhs)
    return volts[size:].reshape(rows, n)[rows - 1, :] * gb


def word_line(g, rw):
    """Share of the drive voltage at each node of a word line whose bit lines are at ground."""
    n = len(g)
    a = np.linalg.solve(np.diag([(1 if j == n - 1 else 2) / rw + g[j] for j in range(n)])
                        - np.diag(np.ones(n - 1) / rw, 1) - np.diag(np.ones(n - 1) / rw, -1),
                        np.eye(n)[0] / rw)
    return a


def fast(g, x, rw, rb):
    rows = g.shape[0]
    h = np.array([g[i] * word_line(g[i], rw) for i in range(rows)])
    s = np.array([(rows - np.maximum(np.arange(rows), k)) @ h for k in range(rows)])
    return x @ (h / (1 + rb * s))


rng = np.random.default_rng(3)
G = rng.exponential(3e-6, (256, 1024))
X = rng.uniform(0, 0.2, 256)
X[rng.uniform(size=256) < 0.5] = 0
for ohms in (0.3, 1, 3, 10):
    e, f, ideal = exact(G, X, ohms, ohms), fast(G, X, ohms, ohms), X @ G
    err = np.abs(f - e) / e
    print(f"{ohms:5.1f} ohm: column drop mean {np.mean(1 - e / ideal):.3f} largest {np.max(1 - e / ideal):.3f}; "
          f"fast solver error largest {err.max():.4f} median {np.median(err):.5f}")
