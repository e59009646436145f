"""Exports lenet5.npz (the state_dict `xbarsim train cnn` saved) to lenet5.onnx with PyTorch, as a user
would export their own network. Run from this directory; made with torch 1.13.1 (Debian python3-torch).

    python3 export_onnx.py
"""
import numpy as np
import torch


class LeNet5(torch.nn.Module):
    """The network of lenet5.net, with the same module names."""

    def __init__(self):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(1, 6, 5, padding=2)
        self.conv2 = torch.nn.Conv2d(6, 16, 5)
        self.fc1 = torch.nn.Linear(400, 120)
        self.fc2 = torch.nn.Linear(120, 84)
        self.fc3 = torch.nn.Linear(84, 10)

    def forward(self, x):
        x = torch.max_pool2d(torch.relu(self.conv1(x)), 2)
        x = torch.max_pool2d(torch.relu(self.conv2(x)), 2)
        x = torch.flatten(x, 1)
        return self.fc3(torch.relu(self.fc2(torch.relu(self.fc1(x)))))


model = LeNet5().eval()
model.load_state_dict({k: torch.from_numpy(v) for k, v in np.load("lenet5.npz").items()})
torch.onnx.export(model, torch.zeros(1, 1, 28, 28), "lenet5.onnx", input_names=["image"], output_names=["logits"],
                  dynamic_axes={"image": {0: "batch"}, "logits": {0: "batch"}}, opset_version=13)
