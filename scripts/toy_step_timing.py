# Python yardstick for one training step of the representation toy (Liu et al. 2022, Sec. 2), the step
# `grokbench bench --what toy` times: p = 10 addition, 1D embeddings, decoder 1-200-200-30 tanh, the 45
# training samples as one batch, MSE to fixed random targets Y_c (one per class, 19 classes), AdamW on
# the embeddings (lr 1e-3) and AdamW on the decoder (lr 1e-4), no weight decay, float64 (and torch float32).
# Our Java step also advances the effective theory by one RK4 step on 10 numbers (microseconds); not here.
# Modelled on /work/shared/reference/timing.py.
# Needs Debian packages: apt-get install -y python3-numpy python3-torch
# Usage: /usr/bin/python3 scripts/toy_step_timing.py 1      (argument: torch threads, also OPENBLAS_NUM_THREADS
#        unless that is set; 1 is the fair comparison with our single-threaded step; 0 = torch's default)
# Prints one JSON line: per-step milliseconds (wall, and process CPU: *_cpu_ms) in hand-written numpy float64 and
# torch float64/float32, and
# the largest parameter difference between the numpy and torch float64 runs after the same steps (same start).
import os, sys, time, json
nthr = int(sys.argv[1]) if len(sys.argv) > 1 else 1
if nthr > 0:
    os.environ.setdefault('OPENBLAS_NUM_THREADS', str(nthr))
import numpy as np, torch
if nthr > 0:
    torch.set_num_threads(nthr)

p, out_dim, hidden = 10, 30, 200
pairs = [(a, b) for a in range(p) for b in range(a, p)]          # 55 samples, labels a + b in 0..18
classes = 2 * p - 1
rng = np.random.default_rng(5)
train = rng.permutation(len(pairs))[:45]
ia = np.array([pairs[s][0] for s in train]); ib = np.array([pairs[s][1] for s in train])
label = ia + ib
Y = rng.standard_normal((classes, out_dim))
Yb = Y[label]                                                      # 45 x 30 targets of the batch
widths = [1, hidden, hidden, out_dim]
E0 = rng.uniform(-0.5, 0.5, (p, 1))
W0 = [rng.uniform(-1, 1, (widths[l], widths[l + 1])) / np.sqrt(widths[l]) for l in range(3)]   # n_in x n_out
b0 = [rng.uniform(-1, 1, widths[l + 1]) / np.sqrt(widths[l]) for l in range(3)]


class AdamW:
    """torch.optim.AdamW's update (no weight decay here), on a list of numpy arrays in place."""
    def __init__(self, params, lr, b1=0.9, b2=0.999, eps=1e-8):
        self.p, self.lr, self.b1, self.b2, self.eps, self.t = params, lr, b1, b2, eps, 0
        self.m = [np.zeros_like(x) for x in params]; self.v = [np.zeros_like(x) for x in params]

    def step(self, grads):
        self.t += 1
        c1, c2 = 1 - self.b1 ** self.t, 1 - self.b2 ** self.t
        for x, g, m, v in zip(self.p, grads, self.m, self.v):
            m *= self.b1; m += (1 - self.b1) * g
            v *= self.b2; v += (1 - self.b2) * g * g
            x -= self.lr * (m / c1) / (np.sqrt(v / c2) + self.eps)


E = E0.copy(); W = [w.copy() for w in W0]; B = [b.copy() for b in b0]
opt_r, opt_d = AdamW([E], 1e-3), AdamW(W + B, 1e-4)


def np_step(_):
    x = E[ia] + E[ib]                                              # 45 x 1
    h1 = np.tanh(x @ W[0] + B[0]); h2 = np.tanh(h1 @ W[1] + B[1]); o = h2 @ W[2] + B[2]
    d3 = 2 * (o - Yb) / o.size
    gW2, gb2 = h2.T @ d3, d3.sum(0); d2 = (d3 @ W[2].T) * (1 - h2 * h2)
    gW1, gb1 = h1.T @ d2, d2.sum(0); d1 = (d2 @ W[1].T) * (1 - h1 * h1)
    gW0, gb0 = x.T @ d1, d1.sum(0); dx = d1 @ W[0].T
    gE = np.zeros_like(E); np.add.at(gE, ia, dx); np.add.at(gE, ib, dx)
    opt_d.step([gW0, gW1, gW2, gb0, gb1, gb2]); opt_r.step([gE])
    return _


def mk_torch_step(dt):
    Et = torch.nn.Parameter(torch.tensor(E0, dtype=dt))
    dec = torch.nn.Sequential(torch.nn.Linear(1, hidden), torch.nn.Tanh(), torch.nn.Linear(hidden, hidden),
                              torch.nn.Tanh(), torch.nn.Linear(hidden, out_dim)).to(dt)
    with torch.no_grad():
        for l, lin in enumerate([dec[0], dec[2], dec[4]]):
            lin.weight.copy_(torch.tensor(W0[l].T, dtype=dt)); lin.bias.copy_(torch.tensor(b0[l], dtype=dt))
    o_r = torch.optim.AdamW([Et], lr=1e-3, weight_decay=0.0)
    o_d = torch.optim.AdamW(dec.parameters(), lr=1e-4, weight_decay=0.0)
    ta, tb, ty = torch.tensor(ia), torch.tensor(ib), torch.tensor(Yb, dtype=dt)

    def st(_):
        o_r.zero_grad(); o_d.zero_grad()
        loss = ((dec(Et[ta] + Et[tb]) - ty) ** 2).mean()
        loss.backward(); o_r.step(); o_d.step()
        return _
    return st, Et, dec


def bench(f, n=2000, warm=1000):
    """(wall ms, process CPU ms) per step; the CPU time sums all threads of the process."""
    for _ in range(warm): f(None)
    t, c = time.perf_counter(), time.process_time()
    for _ in range(n): f(None)
    return 1e3 * (time.perf_counter() - t) / n, 1e3 * (time.process_time() - c) / n


out = dict(item='toy-timing', torch_threads=torch.get_num_threads(),
           openblas_threads=os.environ.get('OPENBLAS_NUM_THREADS', 'default'))
out['toy_numpy_f64_ms'], out['toy_numpy_f64_cpu_ms'] = bench(np_step)
for name, dt in (('f64', torch.float64), ('f32', torch.float32)):
    st, Et, dec = mk_torch_step(dt)
    out[f'toy_torch_{name}_ms'], out[f'toy_torch_{name}_cpu_ms'] = bench(st)
    if name == 'f64':
        diff = max(float(np.abs(Et.detach().numpy() - E).max()),
                   max(float(np.abs(lin.weight.detach().numpy().T - W[l]).max()) for l, lin in enumerate([dec[0], dec[2], dec[4]])))
        out['numpy_vs_torch_f64_maxabs_after_3000'] = diff
print(json.dumps(out))
