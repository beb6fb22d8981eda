"""Marketing: the campaigns and lead sources, and what they brought."""
