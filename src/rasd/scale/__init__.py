"""Scaling rasd out: Dask batches (``dask_batch``), continuous monitoring of folders and feeds
(``watch``, ``feeds``) and throughput benchmarks (``bench``)."""
