"""Makes the PyTorch and ONNX test fixtures of sim-nn's importers (run from this directory).

Needs PyTorch and onnx (Debian: apt-get install python3-torch python3-onnx; made with torch 1.13.1
and onnx 1.12.0). Every file is small and deterministic for the seeds below; the expected outputs
are PyTorch's (or NumPy's, for the hand-built ONNX graph), computed independently of xbarsim.
"""
import numpy as np
import onnx
import torch
from onnx import helper, numpy_helper, TensorProto

torch.manual_seed(0)
np.random.seed(0)


def save_state_dict(model, path, **extra):
    arrays = {k: v.detach().numpy() for k, v in model.state_dict().items()}
    arrays.update(extra)
    np.savez(path, **arrays)


# 1. A small CNN with every layer kind of the description format, exported both ways.
class TinyCnn(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(2, 4, 3, stride=1, padding=1)
        self.pool1 = torch.nn.MaxPool2d(2)
        self.conv2 = torch.nn.Conv2d(4, 5, 3, stride=2, padding=1, bias=False)
        self.pool2 = torch.nn.AvgPool2d(2, stride=1, padding=1)
        self.flat = torch.nn.Flatten()
        self.fc1 = torch.nn.Linear(5 * 3 * 3, 7)
        self.fc2 = torch.nn.Linear(7, 3)

    def forward(self, x):
        x = self.pool1(torch.relu(self.conv1(x)))
        x = self.pool2(torch.relu(self.conv2(x)))
        return self.fc2(torch.relu(self.fc1(self.flat(x))))


cnn = TinyCnn().eval()
x = torch.randn(4, 2, 8, 8)
with torch.no_grad():
    y = cnn(x)
save_state_dict(cnn, "tiny_cnn.npz")
np.savez("tiny_cnn_io.npz", x=x.numpy(), y=y.numpy())
torch.onnx.export(cnn, x[:1], "tiny_cnn.onnx", input_names=["x"], output_names=["y"],
                  dynamic_axes={"x": {0: "batch"}, "y": {0: "batch"}}, opset_version=13)
with open("tiny_cnn.net", "w") as f:
    f.write("""# TinyCnn of make_fixtures.py
input 2 8 8
conv2d conv1 out=4 kernel=3 padding=1
relu r1
maxpool pool1 kernel=2
conv2d conv2 out=5 kernel=3 stride=2 padding=1
relu r2
avgpool pool2 kernel=2 stride=1 padding=1
flatten flat
linear fc1 out=7
relu r3
linear fc2 out=3
""")

# 2. A residual graph built by hand (Conv, Relu, Add of two computed values, Flatten, MatMul, Add of a
#    constant bias, Softmax), with NumPy's output as the reference.
w = np.random.randn(3, 3, 3, 3).astype(np.float32) * 0.3
b = np.random.randn(3).astype(np.float32)
m = np.random.randn(3 * 4 * 4, 5).astype(np.float32) * 0.2
c = np.random.randn(5).astype(np.float32)
nodes = [
    helper.make_node("Conv", ["x", "w", "b"], ["c1"], kernel_shape=[3, 3], pads=[1, 1, 1, 1], name="conv"),
    helper.make_node("Relu", ["c1"], ["r1"], name="relu"),
    helper.make_node("Add", ["r1", "x"], ["s"], name="residual"),
    helper.make_node("Flatten", ["s"], ["f"], axis=1, name="flatten"),
    helper.make_node("MatMul", ["f", "m"], ["z"], name="matmul"),
    helper.make_node("Add", ["z", "c"], ["zc"], name="bias"),
    helper.make_node("Softmax", ["zc"], ["p"], axis=-1, name="softmax"),
]
graph = helper.make_graph(nodes, "residual",
                          [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 3, 4, 4])],
                          [helper.make_tensor_value_info("p", TensorProto.FLOAT, ["N", 5])],
                          [numpy_helper.from_array(w, "w"), numpy_helper.from_array(b, "b"),
                           numpy_helper.from_array(m, "m"), numpy_helper.from_array(c, "c")])
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 14)])
onnx.checker.check_model(model)
onnx.save(model, "residual.onnx")
xr = np.random.randn(2, 3, 4, 4).astype(np.float32)
conv = torch.nn.functional.conv2d(torch.from_numpy(xr), torch.from_numpy(w), torch.from_numpy(b), padding=1)
s = torch.relu(conv) + torch.from_numpy(xr)
zr = s.reshape(2, -1).numpy() @ m + c
pr = np.exp(zr - zr.max(axis=1, keepdims=True))
pr /= pr.sum(axis=1, keepdims=True)
np.savez("residual_io.npz", x=xr, y=pr.astype(np.float32))


# 3. Character LSTMs as PyTorch holds them, the vocabulary included: one-hot input, and with an embedding.
class CharModel(torch.nn.Module):
    def __init__(self, vocab, hidden, embedding=None):
        super().__init__()
        self.embedding = torch.nn.Embedding(vocab, embedding) if embedding else None
        self.rnn = torch.nn.LSTM(embedding or vocab, hidden)
        self.decoder = torch.nn.Linear(hidden, vocab)
        self.vocab = vocab

    def forward(self, ids):
        x = self.embedding(ids) if self.embedding is not None else torch.nn.functional.one_hot(ids, self.vocab).float()
        h, _ = self.rnn(x.unsqueeze(1))
        return torch.log_softmax(self.decoder(h.squeeze(1)), dim=-1)


vocabulary = "\n abcdefghij.,"
codes = np.array([ord(ch) for ch in vocabulary], dtype=np.float32)
ids = torch.tensor([3, 4, 5, 1, 7, 2, 11, 0, 9, 12, 6, 8], dtype=torch.long)
for name, emb in (("char_lstm", None), ("char_lstm_embedding", 6)):
    model = CharModel(len(vocabulary), 8, emb).eval()
    with torch.no_grad():
        logp = model(ids)
    save_state_dict(model, name + ".npz", vocabulary=codes)
    np.savez(name + "_io.npz", ids=ids.numpy().astype(np.float32), logp=logp.numpy())

# 4. Arrays as NumPy writes them, for NpzWriter's byte-for-byte check.
np.savez("numpy_float32.npz", matrix=np.arange(6, dtype=np.float32).reshape(2, 3) / 4,
         vector=np.array([-1.5, 0, 2.25], dtype=np.float32))
