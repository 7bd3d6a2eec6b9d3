/**
 * sys_sframe_register - register an address for user space stacktrace walking.
 * @data: user pointer to struct sframe_setup
 * @size: size of *@data, at least SFRAME_SETUP_SIZE_VER0
 *
 * Return: 0 on success, a negative error code otherwise.
 */
SYSCALL_DEFINE2(sframe_register, struct sframe_setup __user *, data, size_t, size)
{
	struct sframe_setup kargs;
	int err;

	if (size > PAGE_SIZE)
		return -E2BIG;
	if (size < SFRAME_SETUP_SIZE_VER0)
		return -EINVAL;
	err = copy_struct_from_user(&kargs, sizeof(kargs), data, size);
	if (err)
		return err;
	if (kargs.flags)	/* no flags are defined yet */
		return -EINVAL;

	return -EOPNOTSUPP;
}

/**
 * sys_sframe_unregister - unregister an sframe section registered with sframe_register().
 * @data: user pointer to struct sframe_setup
 * @size: size of *@data, at least SFRAME_SETUP_SIZE_VER0
 *
 * Return: 0 on success, a negative error code otherwise.
 */
SYSCALL_DEFINE2(sframe_unregister, struct sframe_setup __user *, data, size_t, size)
{
	struct sframe_setup kargs;
	int err;

	if (size > PAGE_SIZE)
		return -E2BIG;
	if (size < SFRAME_SETUP_SIZE_VER0)
		return -EINVAL;
	err = copy_struct_from_user(&kargs, sizeof(kargs), data, size);
	if (err)
		return err;
	if (kargs.flags)	/* no flags are defined yet */
		return -EINVAL;

	return -EOPNOTSUPP;
}
