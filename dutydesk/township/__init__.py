"""The township side of the hand-off (issue 16): the village's signed monthly bundle and its check."""
