/* A Windows DLL that is not an EAP method: it exports a function, but not RasEapGetInfo. */
__declspec(dllexport) int eapscope_not_a_method(void);

int eapscope_not_a_method(void)
{
    return 7;
}
