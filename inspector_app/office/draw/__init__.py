"""双随机 draws: the plan file, the versioned algorithm (pure), the office's draw service."""
