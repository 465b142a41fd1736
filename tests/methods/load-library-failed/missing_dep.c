/* The dependency load-library-failed needs: built where only the linker finds it. */
int eapscope_missing_dep_answer(void);
int eapscope_missing_dep_answer(void)
{
    return 42;
}
